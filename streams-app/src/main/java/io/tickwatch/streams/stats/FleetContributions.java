package io.tickwatch.streams.stats;

import io.tickwatch.stats.rolling.FleetAggregate;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import java.util.Map;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Splits a host's final result of the smallest window into one fleet contribution per series, keyed
 * by the fleet series key ({@code * /<metric>{labels}}, without the space) and stamped with the
 * last millisecond of the window, so that every fleet window size assigns it to the window that
 * contains the host window.
 */
final class FleetContributions
    implements Processor<Windowed<String>, HostAggregate, String, FleetAggregate> {
  private ProcessorContext<String, FleetAggregate> context;

  @Override
  public void init(ProcessorContext<String, FleetAggregate> processorContext) {
    this.context = processorContext;
  }

  @Override
  public void process(Record<Windowed<String>, HostAggregate> record) {
    HostAggregate aggregate = record.value();
    if (aggregate == null) {
      return;
    }
    String hostId = record.key().key();
    long timestamp = record.key().window().end() - 1;
    for (Map.Entry<SeriesId, SeriesAggregate> entry : aggregate.series().entrySet()) {
      SeriesId id = entry.getKey();
      context.forward(
          new Record<>(
              id.fleetKey(),
              FleetAggregate.ofHost(id, aggregate.cluster(), hostId, entry.getValue()),
              timestamp,
              record.headers()));
    }
  }
}
