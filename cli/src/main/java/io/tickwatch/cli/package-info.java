/**
 * The {@code tickwatch} command line. {@link io.tickwatch.cli.Main} only parses (picocli) and
 * delegates: each subcommand maps its options into a typed options record and hands it to library
 * code ({@code io.tickwatch.cli.stack}, {@code io.tickwatch.cli.demo}), which never writes to the
 * console directly or exits the JVM. Errors become one line, {@code tickwatch: error: ...}, with
 * exit code 2 for bad input and 1 for failures while running.
 */
package io.tickwatch.cli;
