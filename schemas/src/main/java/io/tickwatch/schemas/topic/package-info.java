/**
 * The typed catalogue of Tickwatch topics.
 *
 * <p>{@link io.tickwatch.schemas.topic.Topics} lists every topic as a {@link
 * io.tickwatch.schemas.topic.TopicSpec}: name (always {@code tickwatch.*}), owner module,
 * producers, key, value class (a class generated from {@code schemas/src/main/avro/topics}),
 * partitions, retention, compaction and consumers. Code never spells a topic name: it uses the
 * constants, creates topics with {@link io.tickwatch.schemas.topic.TopicSpec#toNewTopic(short)} and
 * builds serdes with {@link io.tickwatch.schemas.topic.TopicSpec#valueSerde}. {@code
 * docs/topics.md} is the same catalogue for people, kept in step by a test.
 *
 * <p>Specs are immutable and safe to share.
 */
package io.tickwatch.schemas.topic;
