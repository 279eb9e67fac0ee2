package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamsAppSecurityFailureTest {

  @Test
  void shouldStopOnAuthenticationAndAuthorizationFailuresAnywhereInTheCauseChain() {
    assertThat(
            StreamsApp.securityFailure(
                new StreamsException(new SaslAuthenticationException("Invalid username"))))
        .isTrue();
    assertThat(StreamsApp.securityFailure(new TopicAuthorizationException("tickwatch.samples")))
        .isTrue();
  }

  @Test
  void shouldReplaceThreadsOnOtherFailures() {
    assertThat(StreamsApp.securityFailure(new StreamsException(new TimeoutException("slow"))))
        .isFalse();
    assertThat(StreamsApp.securityFailure(new IllegalStateException())).isFalse();
  }
}
