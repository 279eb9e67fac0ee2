/**
 * The streams-app runner: {@link io.tickwatch.streams.app.StreamsApp} runs a topology as a Kafka
 * Streams application (exactly-once v2, state under the data directory, thread replacement on
 * unexpected errors) together with its interactive-query server, configured by the validated {@link
 * io.tickwatch.streams.app.StreamsAppConfig}. No {@code main}: the CLI's demo, replay and
 * benchmark, and the tests, embed it.
 */
package io.tickwatch.streams.app;
