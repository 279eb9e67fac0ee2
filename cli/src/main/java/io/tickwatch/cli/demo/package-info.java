/**
 * The {@code tickwatch demo} workload. Until the real agent drives the simulated game servers,
 * {@link io.tickwatch.cli.demo.DemoSamplePublisher} is the INTERIM publisher: N synthetic hosts
 * send real {@code SampleBatch} records (100 x 1 ms samples of CPU, heap, players and tick time)
 * through the real Avro serializer and schema registry. {@link
 * io.tickwatch.cli.demo.SampleFlowMeter} measures what arrives, and {@link
 * io.tickwatch.cli.demo.DemoRunner} prints progress from it.
 */
package io.tickwatch.cli.demo;
