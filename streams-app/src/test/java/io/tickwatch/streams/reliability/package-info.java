/**
 * Fault tests of the streams applications (issue 11): seeded generators of malformed input and the
 * broker-backed tests that feed it to the real topologies and account for every record.
 */
package io.tickwatch.streams.reliability;
