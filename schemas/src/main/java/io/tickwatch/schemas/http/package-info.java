/** Shared helpers for the HTTP servers Tickwatch builds on the JDK's built-in server. */
package io.tickwatch.schemas.http;
