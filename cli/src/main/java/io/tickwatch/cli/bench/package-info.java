/** {@code tickwatch bench}: pipeline benchmarks whose numbers go to docs/PERFORMANCE.md. */
package io.tickwatch.cli.bench;
