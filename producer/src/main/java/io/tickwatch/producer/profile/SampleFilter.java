package io.tickwatch.producer.profile;

import java.util.regex.Pattern;

/**
 * The thread and package filters of a session. A thread filter is a regular expression the whole
 * thread name must match; a package filter is a prefix (for example {@code com.example.game}) that
 * at least one frame of the stack must start with. Immutable and thread-safe.
 */
final class SampleFilter {
  private final Pattern threadPattern;
  private final String packagePrefix;

  SampleFilter(String threadRegex, String packagePrefix) {
    this.threadPattern = threadRegex == null ? null : Pattern.compile(threadRegex);
    this.packagePrefix = packagePrefix;
  }

  /** Whether samples of a thread with this name are kept. */
  boolean acceptsThread(String threadName) {
    return threadPattern == null
        || (threadName != null && threadPattern.matcher(threadName).matches());
  }

  /** Whether a stack with these frames (any order) is kept. */
  boolean acceptsFrames(Iterable<String> frames) {
    if (packagePrefix == null) {
      return true;
    }
    for (String frame : frames) {
      if (frame.startsWith(packagePrefix)) {
        return true;
      }
    }
    return false;
  }
}
