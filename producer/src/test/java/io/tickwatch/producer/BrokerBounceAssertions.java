package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker-bounce promise, shared by the CI and the soak variant. */
final class BrokerBounceAssertions {

  private BrokerBounceAssertions() {}

  static void assertExactlyOnce(BrokerBounceRun.Result result, long minRecords, int bounces) {
    assertThat(result.bouncesDone()).as("bounces done: %s", result).isEqualTo(bounces);
    assertThat(result.acknowledged())
        .as("acknowledged: %s", result)
        .isGreaterThanOrEqualTo(minRecords);
    assertThat(result.acknowledgedMissing()).as("acknowledged but lost: %s", result).isZero();
    assertThat(result.duplicates()).as("duplicates: %s", result).isZero();
    // every record read is a distinct sample that was sent
    assertThat(result.consumed()).as("consumed: %s", result).isLessThanOrEqualTo(result.sent());
    assertThat(result.consumed()).isGreaterThanOrEqualTo(result.acknowledged());
  }
}
