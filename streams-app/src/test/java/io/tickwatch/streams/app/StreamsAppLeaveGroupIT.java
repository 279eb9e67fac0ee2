package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A closed instance leaves its consumer group at once, so the others take over its tasks. */
class StreamsAppLeaveGroupIT {

  @Test
  void shouldLeaveTheConsumerGroupWhenClosed(@TempDir Path dataDir) throws Exception {
    String applicationId = "tickwatch-stats-leave-it";
    try (KafkaStack stack = KafkaStack.start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      StreamsAppConfig appConfig =
          StreamsAppConfig.defaults()
              .withCluster(stack.bootstrapServers(), stack.registryUrl())
              .withDataDir(dataDir)
              .withQueryPort(0)
              .withApplicationId(applicationId);
      StreamsApp app =
          RollingStatsApp.create(
              appConfig, RollingStatsConfig.from(key -> null), stack.registryClient);
      try {
        app.start();
        assertThat(app.awaitRunning(Duration.ofMinutes(1))).isTrue();
        assertThat(groupMembers(admin, applicationId)).isPositive();
      } finally {
        app.close();
      }
      // a member that does not leave stays until the session timeout (45 s by default), and its
      // partitions stay unassigned that long
      assertThat(groupMembers(admin, applicationId)).isZero();
    }
  }

  private static int groupMembers(Admin admin, String groupId) throws Exception {
    ConsumerGroupDescription group =
        admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get();
    return group.members().size();
  }
}
