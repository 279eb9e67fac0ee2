package io.tickwatch.producer.profile;

import io.tickwatch.avro.AllocationSite;
import io.tickwatch.schemas.profile.CollapsedStacks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What one session kept: sample counts per stack, samples dropped by the filters or the slow-tick
 * mode, allocation and lock hot spots. Independent of JFR (the session translates events), so the
 * filtering logic is testable with plain values.
 *
 * <p>Bounded: at most {@value #MAX_STACKS} distinct stacks (further new stacks are dropped and
 * counted), {@value #MAX_PENDING} samples waiting for their tick's verdict and {@value #MAX_SITES}
 * allocation or lock sites. Synchronized: the JFR event thread writes, the profiler thread reads
 * the result once the stream is closed.
 */
final class SampleAccumulator {
  static final int MAX_STACKS = 100_000;
  static final int MAX_PENDING = 50_000;
  static final int MAX_SITES = 10_000;

  private final SampleFilter filter;
  private final SlowTickFilter slowTicks;
  private final Map<String, long[]> counts = new HashMap<>();
  private final List<String> order = new ArrayList<>();
  private final List<PendingSample> pending = new ArrayList<>();
  private final Map<String, Site> allocations = new HashMap<>();
  private final Map<String, Site> locks = new HashMap<>();
  private long kept;
  private long dropped;

  /**
   * @param filter thread and package filters
   * @param slowTicks the slow-tick decision, or null to keep samples of every tick
   */
  SampleAccumulator(SampleFilter filter, SlowTickFilter slowTicks) {
    this.filter = filter;
    this.slowTicks = slowTicks;
  }

  /** One execution sample; frames root first, at least one. */
  synchronized void onSample(
      long threadId, String threadName, long timeNanos, List<String> framesRootFirst) {
    if (framesRootFirst.isEmpty()
        || !filter.acceptsThread(threadName)
        || !filter.acceptsFrames(framesRootFirst)) {
      dropped++;
      return;
    }
    String stack = CollapsedStacks.stackOf(framesRootFirst);
    if (slowTicks == null) {
      keep(stack);
      return;
    }
    switch (slowTicks.decide(threadId, timeNanos)) {
      case KEEP -> keep(stack);
      case DROP -> dropped++;
      case PENDING -> {
        if (pending.size() < MAX_PENDING) {
          pending.add(new PendingSample(threadId, timeNanos, stack));
        } else {
          dropped++;
        }
      }
    }
  }

  /** One allocation sample of {@code bytes} (JFR's weight) at {@code method}. */
  synchronized void onAllocation(String threadName, String method, String objectClass, long bytes) {
    if (filter.acceptsThread(threadName)) {
      site(allocations, method, objectClass).add(bytes);
    }
  }

  /** One contended monitor enter that blocked {@code blockedNanos} at {@code method}. */
  synchronized void onLock(
      String threadName, String method, String monitorClass, long blockedNanos) {
    if (filter.acceptsThread(threadName)) {
      site(locks, method, monitorClass).add(blockedNanos);
    }
  }

  /** Re-decides samples waiting for their tick (call after new ticks may have ended). */
  synchronized void refresh() {
    if (slowTicks == null || pending.isEmpty()) {
      return;
    }
    slowTicks.refresh();
    Iterator<PendingSample> it = pending.iterator();
    while (it.hasNext()) {
      PendingSample sample = it.next();
      switch (slowTicks.decide(sample.threadId, sample.timeNanos)) {
        case KEEP -> {
          keep(sample.stack);
          it.remove();
        }
        case DROP -> {
          dropped++;
          it.remove();
        }
        case PENDING -> {
          // its tick has not ended yet
        }
      }
    }
  }

  /** Decides what can be decided; samples whose tick never ended are dropped. */
  synchronized void finish() {
    refresh();
    dropped += pending.size();
    pending.clear();
  }

  /** Refreshes the slow-tick view before new samples arrive (no-op without slow-tick mode). */
  synchronized void refreshTicks() {
    if (slowTicks != null) {
      slowTicks.refresh();
    }
  }

  synchronized long keptSamples() {
    return kept;
  }

  synchronized long droppedSamples() {
    return dropped;
  }

  synchronized CollapsedStacks stacks() {
    CollapsedStacks.Builder builder = CollapsedStacks.builder();
    for (String stack : order) {
      builder.addStack(stack, counts.get(stack)[0]);
    }
    return builder.build();
  }

  /** The {@code limit} largest allocation sites, largest first. */
  synchronized List<AllocationSite> allocationHotSpots(int limit) {
    long total = 0;
    for (Site site : allocations.values()) {
      total += site.amount;
    }
    List<AllocationSite> rows = new ArrayList<>();
    for (Site site : top(allocations, limit)) {
      rows.add(
          AllocationSite.newBuilder()
              .setMethod(site.method)
              .setObjectClass(site.objectClass)
              .setAllocatedBytes(site.amount)
              .setPercent(total == 0 ? 0 : 100.0 * site.amount / total)
              .build());
    }
    return rows;
  }

  /** The {@code limit} sites where threads were blocked longest, longest first. */
  synchronized List<LockSite> lockHotSpots(int limit) {
    List<LockSite> rows = new ArrayList<>();
    for (Site site : top(locks, limit)) {
      rows.add(new LockSite(site.method, site.objectClass, site.events, site.amount));
    }
    return rows;
  }

  private void keep(String stack) {
    long[] count = counts.get(stack);
    if (count == null) {
      if (counts.size() >= MAX_STACKS) {
        dropped++;
        return;
      }
      count = new long[1];
      counts.put(stack, count);
      order.add(stack);
    }
    count[0]++;
    kept++;
  }

  private static List<Site> top(Map<String, Site> sites, int limit) {
    return sites.values().stream()
        .sorted(Comparator.comparingLong((Site s) -> s.amount).reversed())
        .limit(limit)
        .toList();
  }

  private static Site site(Map<String, Site> sites, String method, String objectClass) {
    String key = method + '\u0000' + objectClass;
    Site site = sites.get(key);
    if (site == null) {
      if (sites.size() >= MAX_SITES) {
        site = sites.computeIfAbsent("[other]\u0000", k -> new Site("[other]", ""));
      } else {
        site = new Site(method, objectClass);
        sites.put(key, site);
      }
    }
    return site;
  }

  private record PendingSample(long threadId, long timeNanos, String stack) {}

  private static final class Site {
    private final String method;
    private final String objectClass;
    private long amount;
    private long events;

    private Site(String method, String objectClass) {
      this.method = method;
      this.objectClass = objectClass;
    }

    private void add(long value) {
      amount += Math.max(0, value);
      events++;
    }
  }
}
