package io.tickwatch.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.RestoreLoad;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.producer.TickwatchAgent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedGameServerTest {

  @Test
  void shouldRunTheRequestedTicksAndHandlePlayerActions() {
    SimulatedGameServer server =
        new SimulatedGameServer(new GameWorld(1, 20, 10, 0.5), 60, null, false);

    server.runTicks(100);

    assertThat(server.ticks()).isEqualTo(100);
    assertThat(server.actions()).isPositive();
    assertThat(server.tickDurationsNanos()).hasSize(100);
    assertThat(java.util.Arrays.stream(server.tickDurationsNanos()).min().orElse(0)).isPositive();
  }

  @Test
  void shouldDoTheSameWorkForTheSameSeed() {
    SimulatedGameServer a = new SimulatedGameServer(new GameWorld(7, 10, 10, 0.5), 60, null, false);
    SimulatedGameServer b = new SimulatedGameServer(new GameWorld(7, 10, 10, 0.5), 60, null, false);

    a.runTicks(50);
    b.runTicks(50);

    assertThat(a.checksum()).isEqualTo(b.checksum());
    assertThat(a.actions()).isEqualTo(b.actions());
  }

  @Test
  void shouldShedAndRestoreLoadOnControlCommands() {
    TickwatchAgent agent =
        TickwatchAgent.builder("sim-1")
            .bootstrapServers("127.0.0.1:1")
            .valueSerializer((topic, batch) -> new byte[0])
            .controlEnabled(false)
            .systemCollectors(false)
            .build();
    SimulatedGameServer server =
        new SimulatedGameServer(new GameWorld(1, 10, 10, 0.5), 60, agent, false);

    agent.dispatchControl(command("c1", new ShedLoad(0.3)));
    double shed = server.activeFraction();
    agent.dispatchControl(command("c2", new RestoreLoad()));
    server.runTicks(10);
    agent.close();

    assertThat(shed).isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(server.activeFraction()).isEqualTo(1.0);
    assertThat(server.ticks()).isEqualTo(10);
  }

  private static ControlCommand command(String id, Object payload) {
    return ControlCommand.newBuilder()
        .setCommandId(id)
        .setTargetHostId("sim-1")
        .setIssuedAtMillis(Instant.now())
        .setExpiresAtMillis(Instant.now().plusSeconds(60))
        .setIssuer("test")
        .setPayloadType(payload.getClass().getSimpleName())
        .setPayload(payload)
        .build();
  }
}
