/**
 * Reads the Tickwatch topics into the dashboard's state and live stream.
 *
 * <p>{@link io.tickwatch.dashboard.feed.KafkaFeed} is one consumer thread without a consumer group
 * (it assigns every partition and seeks by time, see {@link
 * io.tickwatch.dashboard.feed.StartPosition}), so any number of dashboards can read the same
 * cluster and a restart loses nothing the topics still hold. {@link
 * io.tickwatch.dashboard.feed.FeedRouter} decodes each record with the project's {@code
 * AvroDeserializer} and applies it to the state and the {@code EventHub}; a record that cannot be
 * decoded is counted and skipped.
 */
package io.tickwatch.dashboard.feed;
