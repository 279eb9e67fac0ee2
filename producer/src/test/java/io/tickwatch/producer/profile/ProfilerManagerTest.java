package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.StartProfiling;
import io.tickwatch.avro.StopProfiling;
import io.tickwatch.producer.control.ControlDispatcher;
import io.tickwatch.schemas.profile.AssembledProfile;
import io.tickwatch.schemas.profile.ProfileChunks;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfilerManagerTest {
  private static final long REPORT_WAIT_SECONDS = 60;

  private final AtomicReference<OverheadReading> measured =
      new AtomicReference<>(OverheadReading.NONE);
  private final List<ProfileReport> published = new CopyOnWriteArrayList<>();
  private final TickLog tickLog = new TickLog();
  private final ProfilerManager manager =
      new ProfilerManager(
              "host-1",
              InstantSource.system(),
              tickLog,
              new OverheadGuard(profiling -> measured.get(), 1),
              published::add,
              3_600_000)
          .start();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void shouldPutTheKnownHotMethodFirst() throws Exception {
    try (Workload worker = Workload.hotAndCold("hot-worker")) {
      ProfileStart start =
          manager.start(
              ProfileRequest.builder()
                  .profileId("hot")
                  .durationMillis(1500)
                  .samplingIntervalMillis(10)
                  .threadFilter("hot-worker")
                  .build());

      assertThat(start.status()).isEqualTo(ProfileStart.Status.STARTED);
      ProfileReport report = start.report().get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);

      var top = report.summary().getTopMethods();
      assertThat(report.summary().getTotalSamples()).isPositive();
      assertThat(top.get(0).getMethod()).isEqualTo(Workload.class.getName() + ".hotMethod");
      assertThat(top.get(0).getSelfPercent()).isGreaterThan(50.0);
      assertThat(top).hasSizeLessThanOrEqualTo(20);
      assertThat(published).extracting(ProfileReport::profileId).containsExactly("hot");
      AssembledProfile roundTrip = ProfileChunks.join(report.toChunks());
      assertThat(roundTrip.stacks()).isEqualTo(report.stacks());
      assertThat(roundTrip.summary().getTotalSamples()).isEqualTo(report.stacks().totalSamples());
    }
  }

  @Test
  void shouldApplyTheDefaultThreadFilterToSessionsWithoutOne() throws Exception {
    try (Workload hot = Workload.hotAndCold("hot-worker");
        Workload other = Workload.hotAndCold("other-worker");
        ProfilerManager ownThreadsOnly =
            new ProfilerManager(
                    "host-2",
                    InstantSource.system(),
                    tickLog,
                    new OverheadGuard(profiling -> measured.get(), 1),
                    published::add,
                    3_600_000,
                    "other-.*")
                .start()) {
      ProfileStart start = ownThreadsOnly.start(request("own").build());
      ProfileReport report = start.report().get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(report.summary().getTotalSamples()).isPositive();
      assertThat(report.summary().getDroppedSamples()).isPositive();
      assertThat(report.stacks().countsByStack().keySet())
          .allMatch(stack -> stack.contains(Workload.class.getName()));
    }
  }

  @Test
  void shouldDiffAgainstAnEarlierProfileOfThisAgent() throws Exception {
    try (Workload worker = Workload.hotAndCold("hot-worker")) {
      ProfileReport baseline = run(request("base").threadFilter("hot-worker").build());
      ProfileReport current =
          run(request("current").threadFilter("hot-worker").baselineProfileId("base").build());

      assertThat(baseline.diff()).isNull();
      assertThat(current.summary().getBaselineProfileId()).isEqualTo("base");
      assertThat(current.diff()).isNotNull();
      assertThat(current.diff().baselineSamples()).isEqualTo(baseline.stacks().totalSamples());
      assertThat(current.diff().methods())
          .extracting(d -> d.method())
          .contains(Workload.class.getName() + ".hotMethod");
    }
  }

  @Test
  void shouldRunAtMostThreeSessionsAtOnce() throws Exception {
    List<ProfileStart> starts =
        List.of("s1", "s2", "s3").stream()
            .map(id -> manager.start(request(id).durationMillis(600_000).build()))
            .toList();

    ProfileStart fourth = manager.start(request("s4").durationMillis(600_000).build());
    ProfileStart again = manager.start(request("s1").durationMillis(600_000).build());

    assertThat(starts).allMatch(ProfileStart::started);
    assertThat(fourth.status()).isEqualTo(ProfileStart.Status.REFUSED_LIMIT);
    assertThat(fourth.report()).isNull();
    assertThat(again.status()).isEqualTo(ProfileStart.Status.REFUSED_DUPLICATE);
    assertThat(manager.activeProfileIds()).containsExactly("s1", "s2", "s3");

    assertThat(manager.stopAll()).isEqualTo(3);
    for (ProfileStart start : starts) {
      start.report().get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(manager.activeProfileIds()).isEmpty();
    assertThat(manager.start(request("s5").durationMillis(600_000).build()).started()).isTrue();
  }

  @Test
  void shouldRefuseAboveFivePercentAndBackOffAboveThree() throws Exception {
    measured.set(new OverheadReading(6.0, 0));
    manager.checkOverhead();

    ProfileStart refused = manager.start(request("too-costly").build());

    assertThat(refused.status()).isEqualTo(ProfileStart.Status.REFUSED_OVERHEAD);
    assertThat(refused.message()).contains("6.00 %");

    measured.set(new OverheadReading(3.5, 0));
    manager.checkOverhead();
    ProfileStart slower =
        manager.start(request("slower").durationMillis(600_000).samplingIntervalMillis(20).build());
    assertThat(slower.status()).isEqualTo(ProfileStart.Status.STARTED);
    assertThat(slower.samplingIntervalMillis()).isEqualTo(40);

    assertThat(manager.checkOverhead()).isEqualTo(OverheadGuard.Decision.PROCEED);
    assertThat(manager.checkOverhead()).isEqualTo(OverheadGuard.Decision.BACK_OFF);
    assertThat(manager.samplingIntervalMillis("slower")).contains(80);

    measured.set(new OverheadReading(2.0, 0));
    assertThat(manager.checkOverhead()).isEqualTo(OverheadGuard.Decision.PROCEED);
    assertThat(manager.samplingIntervalMillis("slower")).contains(80);
    manager.stop("slower");
    ProfileReport report = slower.report().get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(report.summary().getSamplingIntervalMillis()).isEqualTo(80);
    assertThat(report.summary().getOverheadPercent()).isEqualTo(3.5);
  }

  @Test
  void shouldKeepOnlySamplesFromSlowTicksInSlowTickMode() throws Exception {
    try (Workload game = Workload.gameLoop("game-loop", tickLog)) {
      ProfileReport report =
          run(
              request("slow")
                  .durationMillis(2500)
                  .samplingIntervalMillis(10)
                  .slowTickBudgetMicros(20_000)
                  .build());

      String slow = Workload.class.getName() + ".slowTick";
      String fast = Workload.class.getName() + ".fastTick";
      assertThat(report.summary().getSlowTicksOnly()).isTrue();
      assertThat(report.stacks().countsByStack().keySet()).anyMatch(s -> s.contains(slow));
      assertThat(report.stacks().countsByStack().keySet()).noneMatch(s -> s.contains(fast));
      assertThat(report.summary().getDroppedSamples()).isPositive();
      assertThat(report.summary().getTopMethods().get(0).getMethod()).isEqualTo(slow);
    }
  }

  @Test
  void shouldStartAndStopSessionsFromControlCommandsCopyingTheirIds() throws Exception {
    ControlDispatcher dispatcher = new ControlDispatcher("host-1", InstantSource.system());
    dispatcher.register(StartProfiling.class, ProfilingControlHandlers.start(manager));
    dispatcher.register(StopProfiling.class, ProfilingControlHandlers.stop(manager));
    StartProfiling start =
        StartProfiling.newBuilder()
            .setProfileId("from-alert")
            .setDurationMillis(600_000)
            .setSamplingIntervalMillis(10)
            .build();

    assertThat(dispatcher.dispatch(command("cmd-1", "fp-1", start)))
        .isEqualTo(ControlDispatcher.Outcome.EXECUTED);
    assertThat(manager.activeProfileIds()).containsExactly("from-alert");
    assertThat(dispatcher.dispatch(command("cmd-2", null, new StopProfiling(null))))
        .isEqualTo(ControlDispatcher.Outcome.EXECUTED);
    awaitPublished("from-alert");

    ProfileChunk first = published.get(0).toChunks().get(0);
    assertThat(first.getCommandId()).isEqualTo("cmd-1");
    assertThat(first.getAlertFingerprint()).isEqualTo("fp-1");
    assertThat(first.getHostId()).isEqualTo("host-1");
  }

  private ProfileReport run(ProfileRequest request) throws Exception {
    ProfileStart start = manager.start(request);
    assertThat(start.status()).isEqualTo(ProfileStart.Status.STARTED);
    return start.report().get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static ProfileRequest.Builder request(String id) {
    return ProfileRequest.builder().profileId(id).durationMillis(1200).samplingIntervalMillis(10);
  }

  private void awaitPublished(String profileId) {
    io.tickwatch.producer.Await.until(
        "profile " + profileId + " published",
        () -> published.stream().anyMatch(r -> r.profileId().equals(profileId)));
  }

  private static ControlCommand command(String id, String fingerprint, Object payload) {
    Instant now = Instant.now();
    return ControlCommand.newBuilder()
        .setCommandId(id)
        .setTargetHostId("host-1")
        .setIssuedAtMillis(now)
        .setExpiresAtMillis(now.plusSeconds(60))
        .setIssuer("alerting")
        .setReason("tick p99 over budget")
        .setAlertFingerprint(fingerprint)
        .setPayloadType(payload.getClass().getSimpleName())
        .setPayload(payload)
        .build();
  }
}
