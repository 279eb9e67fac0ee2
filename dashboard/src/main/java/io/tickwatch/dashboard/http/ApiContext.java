package io.tickwatch.dashboard.http;

import io.tickwatch.dashboard.control.ControlCommands;
import io.tickwatch.dashboard.control.ControlPublisher;
import io.tickwatch.dashboard.sse.EventHub;
import io.tickwatch.dashboard.state.AlertBook;
import io.tickwatch.dashboard.state.ExperimentBook;
import io.tickwatch.dashboard.state.OverviewAssembler;
import io.tickwatch.dashboard.state.ProfileBook;
import io.tickwatch.dashboard.state.SeriesStore;
import io.tickwatch.dashboard.upstream.AlertingClient;
import io.tickwatch.dashboard.upstream.HistoryClient;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the routes read and act on.
 *
 * @param store series and hosts
 * @param overview cards
 * @param alerts alerts and actions
 * @param experiments experiments and results
 * @param profiles profiles
 * @param hub SSE fan-out
 * @param history the streams app's query server, if configured
 * @param alerting the alerting service, if configured
 * @param control control-command publisher, if a Kafka cluster is configured
 * @param commands command builder
 * @param guard access control of POSTs
 * @param readGuard access control of reads (open on loopback)
 * @param clock wall clock (default time ranges)
 * @param metricsText renders {@code /metrics}
 * @param healthChecks name to "UP"/problem text, for {@code /health}
 */
public record ApiContext(
    SeriesStore store,
    OverviewAssembler overview,
    AlertBook alerts,
    ExperimentBook experiments,
    ProfileBook profiles,
    EventHub hub,
    Optional<HistoryClient> history,
    Optional<AlertingClient> alerting,
    Optional<ControlPublisher> control,
    ControlCommands commands,
    AccessGuard guard,
    ReadGuard readGuard,
    InstantSource clock,
    Supplier<String> metricsText,
    Supplier<Map<String, String>> healthChecks) {}
