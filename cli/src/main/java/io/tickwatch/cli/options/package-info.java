/**
 * Parsing and validation of command-line option values (durations, ports, host lists, URLs). Every
 * failure carries a one-line reason that {@code Main} prints as {@code tickwatch: error: ...}.
 */
package io.tickwatch.cli.options;
