/**
 * Test fixtures shared by every module's broker-backed tests (shipped in the schemas test-jar:
 * dependency {@code io.tickwatch:tickwatch-schemas:test-jar}, scope test).
 *
 * <p>{@link io.tickwatch.schemas.testkit.KafkaTestCluster} is a real in-JVM KRaft cluster on
 * ephemeral ports. {@link io.tickwatch.schemas.testkit.KafkaTestCluster#startBehindProxy()} puts
 * its broker behind a {@link io.tickwatch.schemas.testkit.FaultProxy}, a loopback TCP proxy that
 * can pause (like {@code SIGSTOP}), cut (broker down) or slow (added latency) every client
 * connection; the broker advertises the proxy's address, so clients never bypass it. {@link
 * io.tickwatch.schemas.testkit.KafkaChildProcess} runs a broker in a child JVM for real {@code kill
 * -STOP}/{@code kill -CONT}, {@link io.tickwatch.schemas.testkit.KafkaChildCluster} several of
 * them. All three are a {@link io.tickwatch.schemas.testkit.KafkaUnderTest}, whose {@code
 * createTopics} returns only once every partition of the new topics has a leader: tests create
 * topics through it, since writing to a partition without a leader yet can lose records
 * (KAFKA-15591). {@link io.tickwatch.schemas.testkit.KafkaStack} is the usual IT set-up on top: a
 * cluster with every catalogue topic plus the embedded schema registry and its client. Where a
 * Docker engine exists, Testcontainers variants of broker-backed tests run against a containerised
 * broker too (see {@code DockerKafkaIT}); elsewhere they are skipped.
 */
package io.tickwatch.schemas.testkit;
