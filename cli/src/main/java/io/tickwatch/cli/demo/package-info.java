/**
 * The {@code tickwatch demo} workload. {@link io.tickwatch.cli.demo.DemoGameFleet} runs N simulated
 * 60 Hz game servers ({@code io.tickwatch.cli.sim}), each instrumented with the real agent ({@code
 * io.tickwatch.producer.TickwatchAgent}), which publishes {@code SampleBatch} records through the
 * Avro serializer and the schema registry. {@link io.tickwatch.cli.demo.SampleFlowMeter} measures
 * what arrives on {@code tickwatch.samples}, and {@link io.tickwatch.cli.demo.DemoRunner} prints
 * progress from it.
 */
package io.tickwatch.cli.demo;
