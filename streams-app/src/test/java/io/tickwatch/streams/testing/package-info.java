/** Test fixtures of the streams-app topologies: an in-memory registry client and batch builders. */
package io.tickwatch.streams.testing;
