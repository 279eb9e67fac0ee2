package io.tickwatch.producer.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.RestoreLoad;
import io.tickwatch.avro.ShedLoad;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlDispatcherTest {

  private static final Instant NOW = Instant.ofEpochMilli(1_000_000);

  private final ControlDispatcher dispatcher =
      new ControlDispatcher("host-1", InstantSource.fixed(NOW));
  private final List<ControlCommand> shed = new ArrayList<>();

  static ControlCommand command(String id, String target, Object payload) {
    return ControlCommand.newBuilder()
        .setCommandId(id)
        .setTargetHostId(target)
        .setIssuedAtMillis(NOW.minusSeconds(1))
        .setExpiresAtMillis(NOW.plusSeconds(60))
        .setIssuer("alerting")
        .setReason("tick p99 over budget")
        .setPayloadType(payload.getClass().getSimpleName())
        .setPayload(payload)
        .build();
  }

  @Test
  void shouldRunTheHandlerOfThePayloadTypeForThisHost() {
    dispatcher.register(ShedLoad.class, shed::add);

    ControlDispatcher.Outcome outcome =
        dispatcher.dispatch(command("c1", "host-1", new ShedLoad(0.3)));

    assertThat(outcome).isEqualTo(ControlDispatcher.Outcome.EXECUTED);
    assertThat(shed).extracting(ControlCommand::getCommandId).containsExactly("c1");
  }

  @Test
  void shouldIgnoreOtherHostsExpiredDuplicateAndUnhandledCommands() {
    dispatcher.register(ShedLoad.class, shed::add);
    ControlCommand expired = command("c3", "host-1", new ShedLoad(0.3));
    expired.setExpiresAtMillis(NOW.minusSeconds(1));

    assertThat(dispatcher.dispatch(command("c2", "host-9", new ShedLoad(0.3))))
        .isEqualTo(ControlDispatcher.Outcome.OTHER_HOST);
    assertThat(dispatcher.dispatch(expired)).isEqualTo(ControlDispatcher.Outcome.EXPIRED);
    assertThat(dispatcher.dispatch(command("c4", "host-1", new ShedLoad(0.3))))
        .isEqualTo(ControlDispatcher.Outcome.EXECUTED);
    assertThat(dispatcher.dispatch(command("c4", "host-1", new ShedLoad(0.3))))
        .isEqualTo(ControlDispatcher.Outcome.DUPLICATE);
    assertThat(dispatcher.dispatch(command("c5", "host-1", new RestoreLoad())))
        .isEqualTo(ControlDispatcher.Outcome.NO_HANDLER);
    assertThat(shed).hasSize(1);
  }

  @Test
  void shouldIgnoreACommandWhosePayloadTypeThisAgentDoesNotKnow() {
    dispatcher.register(RestoreLoad.class, shed::add);
    // a newer issuer's command type, resolved by Avro into the field-less RestoreLoad branch
    ControlCommand newer = command("c8", "host-1", new RestoreLoad());
    newer.setPayloadType("ThrottleNetwork");

    assertThat(dispatcher.dispatch(newer)).isEqualTo(ControlDispatcher.Outcome.UNKNOWN_TYPE);
    assertThat(shed).isEmpty();
  }

  @Test
  void shouldOnlyLogDryRunsAndSurviveFailingHandlers() {
    dispatcher.register(ShedLoad.class, shed::add);
    dispatcher.register(
        RestoreLoad.class,
        c -> {
          throw new IllegalStateException("game refused");
        });
    ControlCommand dryRun = command("c6", "host-1", new ShedLoad(0.5));
    dryRun.setDryRun(true);

    assertThat(dispatcher.dispatch(dryRun)).isEqualTo(ControlDispatcher.Outcome.DRY_RUN);
    assertThat(dispatcher.dispatch(command("c7", "host-1", new RestoreLoad())))
        .isEqualTo(ControlDispatcher.Outcome.HANDLER_FAILED);
    assertThat(dispatcher.dispatch(null)).isEqualTo(ControlDispatcher.Outcome.MALFORMED);
    assertThat(shed).isEmpty();
  }
}
