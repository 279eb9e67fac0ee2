/**
 * The single-machine dev stack: a real KRaft broker from Kafka's own server classes ({@link
 * io.tickwatch.cli.stack.EmbeddedKafkaBroker}), topic creation from the typed catalogue ({@link
 * io.tickwatch.cli.stack.TopicBootstrapper}), the embedded schema registry, and {@link
 * io.tickwatch.cli.stack.DevStack}, which starts them in order and stops them in reverse.
 *
 * <p>Everything here reports failures as {@link io.tickwatch.cli.stack.StackException} with a
 * one-line message and never writes to the console or exits the JVM; the command layer decides what
 * to print.
 */
package io.tickwatch.cli.stack;
