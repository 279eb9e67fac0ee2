/**
 * {@code tickwatch tail}: prints the records of any topic as JSON lines, Avro values decoded
 * through the schema registry with each record's own writer schema (so every schema version prints
 * with its own fields), JSON values parsed, anything else as a string. {@link
 * io.tickwatch.cli.tail.TopicTailer} is the library part (no console, no exit); {@link
 * io.tickwatch.cli.tail.TailCommand} maps the options onto it.
 */
package io.tickwatch.cli.tail;
