package io.tickwatch.streams.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.schemas.testkit.KafkaChildCluster;
import io.tickwatch.schemas.testkit.KafkaChildProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long variant of {@link RollingStatsCrashIT}, only under {@code -Psoak}: a 3-node
 * child-process cluster (replication factor 3, {@code min.insync.replicas} 2), 8 hosts × 6,250
 * batches = 10M samples ({@code -Dsoak.batchesPerHost=N}), 10 kill rounds ({@code
 * -Dsoak.rounds=N}).
 */
class RollingStatsCrashSoakIT {

  private static final int HOSTS = 8;

  @TempDir Path dir;

  @Test
  void shouldEmitTheOracleStatisticsExactlyOnceThroughManyKillRounds() throws Exception {
    assumeTrue(KafkaChildProcess.supported(), "needs child processes and kill");
    int batchesPerHost = Integer.getInteger("soak.batchesPerHost", 6_250);
    int rounds = Integer.getInteger("soak.rounds", 10);
    try (KafkaChildCluster kafka = KafkaChildCluster.start(3);
        RollingStatsCrashRun run = RollingStatsCrashRun.prepare(kafka, dir)) {
      RollingStatsCrashRun.Result result = run.run(HOSTS, batchesPerHost, rounds);
      System.out.println(
          "streams crash soak: samples="
              + result.samples()
              + " kills="
              + result.kills()
              + " finals="
              + result.finals().size()
              + " duplicates="
              + result.duplicateFinals()
              + " dropped="
              + result.droppedPerIncarnation());
      RollingStatsCrashAssertions.assertEqualsOracle(result, rounds);
    }
  }
}
