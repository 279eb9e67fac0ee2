package io.tickwatch.streams.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.reliability.PoisonPillGenerator.Category;
import io.tickwatch.streams.reliability.PoisonPillGenerator.Pill;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoisonPillGeneratorTest {
  private static final Map<Category, Integer> POISON =
      Map.of(Category.BAD_MAGIC_BYTE, 30, Category.MEGABYTE_NAME, 2, Category.FAR_FUTURE, 20);

  private static List<Pill> generate(long seed) {
    AvroSerializer<SampleBatch> serializer =
        new AvroSerializer<>(new InMemorySchemaRegistryClient());
    return new PoisonPillGenerator(
            seed,
            1_000_000L,
            List.of("a", "b", "c"),
            batch -> serializer.serialize(Topics.SAMPLES.name(), batch))
        .generate(50, POISON);
  }

  @Test
  void shouldGenerateTheSameRecordsForTheSameSeed() {
    List<Pill> first = generate(7);
    List<Pill> second = generate(7);
    assertThat(first).hasSameSizeAs(second);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).category()).isEqualTo(first.get(i).category());
      assertThat(second.get(i).value()).isEqualTo(first.get(i).value());
      assertThat(second.get(i).timestampMillis()).isEqualTo(first.get(i).timestampMillis());
    }
    assertThat(generate(8).get(5).value()).isNotEqualTo(first.get(5).value());
  }

  @Test
  void shouldMixTheAskedPoisonAfterAValidFirstBatchOfEveryHost() {
    List<Pill> pills = generate(7);
    Map<Category, Integer> counts = PoisonPillGenerator.counts(pills);
    assertThat(counts)
        .containsEntry(Category.BAD_MAGIC_BYTE, 30)
        .containsEntry(Category.MEGABYTE_NAME, 2)
        .containsEntry(Category.FAR_FUTURE, 20);
    assertThat(counts.get(Category.VALID) + counts.get(Category.VALID_WITH_NAN)).isEqualTo(150);
    assertThat(pills.subList(0, 3)).allMatch(p -> !p.category().poison());
    assertThat(pills)
        .filteredOn(p -> p.category() == Category.MEGABYTE_NAME)
        .allMatch(p -> p.value().length > 1_000_000 && p.value().length < 1_040_000);
  }

  @Test
  void shouldPlaceTheBaseRecentlyBeforeNowWithinEveryTopicRetention() {
    Instant now = Instant.parse("2026-11-28T03:45:17.123Z");
    long base = PoisonPillGenerator.recentBaseMillis(now);

    assertThat(base % Duration.ofMinutes(1).toMillis()).isZero();
    // the tests' data (a few minutes of event time) ends before now: no future timestamps
    assertThat(base + Duration.ofMinutes(5).toMillis()).isLessThan(now.toEpochMilli());
    // and the broker's time retention never deletes it during a run
    long age = now.toEpochMilli() - base;
    assertThat(age)
        .isLessThan(Topics.STATS_LIVE.retentionMs())
        .isLessThan(Topics.SAMPLES.retentionMs());
  }
}
