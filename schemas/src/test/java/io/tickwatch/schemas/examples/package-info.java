/** Tests that keep the consumer examples under {@code examples/} compiling and decoding. */
package io.tickwatch.schemas.examples;
