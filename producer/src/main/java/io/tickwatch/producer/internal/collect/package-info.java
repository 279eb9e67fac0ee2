/**
 * System collectors sampled by the agent's sampler thread.
 *
 * <p>Each {@link io.tickwatch.producer.internal.collect.SystemCollector} fills a fixed set of
 * series and runs at its own cadence (a multiple of the sample interval); between runs its last
 * values are carried forward. A collector the host does not support reports {@code available() ==
 * false} and its series are absent from every batch (never zero, never faked). Collectors are
 * called from the sampler thread only and must not allocate per call where avoidable: /proc files
 * are read through a reused channel and buffer ({@link
 * io.tickwatch.producer.internal.collect.ProcFile}).
 *
 * <p>Series names (units suffixed): {@code cpu.process.percent} (of all cores), {@code
 * cpu.time.nanos} (process CPU time, cumulative), {@code cpu.system.percent}, {@code
 * heap.used.bytes}, {@code memory.rss.bytes}, {@code memory.available.bytes}, {@code
 * memory.used.percent} (of the cgroup's memory limit where one binds, else of the host's memory;
 * see {@link io.tickwatch.producer.internal.collect.MemoryUsedCollector}), {@code
 * gc.pause.total.millis} and {@code gc.count.total} (cumulative), {@code
 * alloc.rate.bytes.per.second}, {@code net.packets.in.per.second}, {@code
 * net.packets.out.per.second}, {@code cache.misses.per.second} and {@code cache.miss.percent}
 * (misses per cache reference; both only where Linux perf counts them, see {@link
 * io.tickwatch.producer.internal.collect.PerfCacheMissCollector}).
 */
package io.tickwatch.producer.internal.collect;
