package io.tickwatch.producer.control;

import io.tickwatch.avro.ControlCommand;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded commands to the handler registered for their payload type. Thread-safe for
 * registration; {@link #dispatch} is called by one listener thread. Never throws.
 */
public final class ControlDispatcher {

  /** What {@link #dispatch} did with a command. */
  public enum Outcome {
    /** A handler ran and returned normally. */
    EXECUTED,
    /** Dry run: logged, nothing executed. */
    DRY_RUN,
    /** Addressed to another host. */
    OTHER_HOST,
    /** Past its expiry instant. */
    EXPIRED,
    /** Its command id was already dispatched. */
    DUPLICATE,
    /** No handler is registered for its payload type. */
    NO_HANDLER,
    /**
     * Its {@code payloadType} names a type other than the one decoded: a command type newer than
     * this agent, which Avro resolved into a structurally compatible older branch.
     */
    UNKNOWN_TYPE,
    /** The handler threw. */
    HANDLER_FAILED,
    /** Missing fields (null payload, target or id). */
    MALFORMED
  }

  private static final Logger LOG = LoggerFactory.getLogger(ControlDispatcher.class);
  private static final int REMEMBERED_IDS = 4096;

  private final String hostId;
  private final InstantSource clock;
  private final Map<Class<?>, ControlHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_IDS;
        }
      };

  /** Creates a dispatcher for the agent of {@code hostId}. */
  public ControlDispatcher(String hostId, InstantSource clock) {
    this.hostId = hostId;
    this.clock = clock;
  }

  /** Registers (or replaces) the handler of a payload type, for example {@code ShedLoad.class}. */
  public void register(Class<?> payloadType, ControlHandler handler) {
    handlers.put(payloadType, handler);
  }

  /** Dispatches one command; returns what happened. */
  public synchronized Outcome dispatch(ControlCommand command) {
    try {
      if (command == null
          || command.getPayload() == null
          || command.getTargetHostId() == null
          || command.getCommandId() == null) {
        LOG.warn("ignoring malformed control command {}", command);
        return Outcome.MALFORMED;
      }
      if (!hostId.equals(command.getTargetHostId())) {
        return Outcome.OTHER_HOST;
      }
      if (command.getExpiresAtMillis() != null
          && clock.instant().isAfter(command.getExpiresAtMillis())) {
        LOG.info("ignoring expired control command {}", command.getCommandId());
        return Outcome.EXPIRED;
      }
      Object payload = command.getPayload();
      String decodedType = payload.getClass().getSimpleName();
      if (!decodedType.equals(command.getPayloadType())) {
        LOG.warn(
            "ignoring control command {} of unknown type {} (decoded as {}); upgrade this agent",
            command.getCommandId(),
            command.getPayloadType(),
            decodedType);
        return Outcome.UNKNOWN_TYPE;
      }
      if (seen.put(command.getCommandId(), Boolean.TRUE) != null) {
        return Outcome.DUPLICATE;
      }
      ControlHandler handler = handlers.get(payload.getClass());
      if (handler == null) {
        LOG.warn(
            "no handler for control command {} ({})",
            command.getCommandId(),
            payload.getClass().getSimpleName());
        return Outcome.NO_HANDLER;
      }
      if (command.getDryRun()) {
        LOG.info(
            "dry run: would execute {} {} from {}: {}",
            payload.getClass().getSimpleName(),
            command.getCommandId(),
            command.getIssuer(),
            command.getReason());
        return Outcome.DRY_RUN;
      }
      LOG.info(
          "executing {} {} from {}: {}",
          payload.getClass().getSimpleName(),
          command.getCommandId(),
          command.getIssuer(),
          command.getReason());
      handler.handle(command);
      return Outcome.EXECUTED;
    } catch (Throwable t) {
      LOG.warn("control handler failed", t);
      return Outcome.HANDLER_FAILED;
    }
  }
}
