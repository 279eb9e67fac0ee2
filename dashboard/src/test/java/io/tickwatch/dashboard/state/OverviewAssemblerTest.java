package io.tickwatch.dashboard.state;

import static io.tickwatch.dashboard.TestRecords.stats;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverviewAssemblerTest {

  @Test
  void shouldBuildHostCardsAndAFleetCard() {
    SeriesStore store = new SeriesStore(100);
    store.accept(stats("h1", "cpu.process.percent", 0, 1000, 40, false));
    store.accept(stats("h2", "cpu.process.percent", 0, 1000, 60, false));
    store.accept(stats("h1", "players.active", 0, 1000, 100, false));
    store.accept(stats("h2", "players.active", 0, 1000, 50, false));
    store.accept(stats("h1", "memory.rss.bytes", 0, 1000, 1000, false));
    store.accept(stats("h1", "memory.available.bytes", 0, 1000, 3000, false));
    store.accept(stats("h1", "tick.duration", 0, 1000, 10_000, false));
    store.accept(stats("h2", "tick.duration", 0, 1000, 20_000, false));

    var overview = new OverviewAssembler(store).overview();

    Card h1 = overview.hosts().get(0);
    assertThat(h1.hostId()).isEqualTo("h1");
    assertThat(h1.cpuPercent()).isEqualTo(40);
    assertThat(h1.memoryPercent()).isEqualTo(25);
    assertThat(h1.tickP99Millis()).isEqualTo(10.0005);
    assertThat(h1.latencyP99Millis()).isNull();
    assertThat(h1.lastSeenMillis()).isEqualTo(1000);
    Card fleet = overview.fleet();
    assertThat(fleet.hostId()).isEqualTo("fleet");
    assertThat(fleet.cpuPercent()).isEqualTo(50);
    assertThat(fleet.activePlayers()).isEqualTo(150);
    assertThat(fleet.tickP99Millis()).isEqualTo(20.0005);
    assertThat(fleet.memoryPercent()).isEqualTo(25);
  }

  @Test
  void shouldUseTheNewestWindowAndLeaveUnknownValuesNull() {
    SeriesStore store = new SeriesStore(100);
    store.accept(stats("h1", "cpu.process.percent", 1000, 1000, 70, false));
    store.accept(stats("h1", "cpu.process.percent", 0, 1000, 10, true));
    Card h1 = new OverviewAssembler(store).overview().hosts().get(0);
    assertThat(h1.cpuPercent()).isEqualTo(70);
    assertThat(h1.activePlayers()).isNull();
    assertThat(h1.frameDropsPerSecond()).isNull();
  }
}
