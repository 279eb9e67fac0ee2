package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.testkit.KafkaTestCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 1, the CI variant: two rolling-stats instances in child JVMs, one killed with
 * {@code SIGKILL} per round (3 rounds) and restarted while input is produced, on the in-JVM broker;
 * the per-host finals equal the oracle recomputed from the input topic, no final twice, {@code
 * dropped-records} zero in every incarnation. The long variant on a 3-node cluster is {@link
 * RollingStatsCrashSoakIT} ({@code -Psoak}).
 */
class RollingStatsCrashIT {

  private static final int HOSTS = 4;
  private static final int BATCHES_PER_HOST = 600; // 60 s of event time per host
  private static final int ROUNDS = 3;

  @TempDir Path dir;

  @Test
  void shouldEmitTheOracleStatisticsExactlyOnceWhenInstancesAreKilledInRounds() throws Exception {
    try (KafkaTestCluster kafka = KafkaTestCluster.start();
        RollingStatsCrashRun run = RollingStatsCrashRun.prepare(kafka, dir)) {
      RollingStatsCrashRun.Result result = run.run(HOSTS, BATCHES_PER_HOST, ROUNDS);
      System.out.println(
          "streams crash: samples="
              + result.samples()
              + " kills="
              + result.kills()
              + " finals="
              + result.finals().size()
              + " duplicates="
              + result.duplicateFinals()
              + " dropped="
              + result.droppedPerIncarnation());
      assertThat(result.expected()).hasSize(HOSTS * 2 * (60 + 6));
      RollingStatsCrashAssertions.assertEqualsOracle(result, ROUNDS);
    }
  }
}
