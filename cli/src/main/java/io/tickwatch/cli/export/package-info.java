/**
 * {@code tickwatch export} / {@code import}: moving records between Kafka and files — Avro object
 * container files with the writer schema ({@link io.tickwatch.cli.export.TopicExporter}, {@link
 * io.tickwatch.cli.export.AvroFileImporter}) and CSV for spreadsheets ({@link
 * io.tickwatch.cli.export.SampleCsv}).
 */
package io.tickwatch.cli.export;
