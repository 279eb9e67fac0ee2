package io.tickwatch.alerting.notify;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Rate-limit stage: a token bucket of {@code burst} deliveries refilled at {@code perMinute}; a
 * delivery without a token waits (on its receiver's own thread, so no other receiver is delayed).
 * Thread-safe.
 */
public final class RateLimitedNotifier implements Notifier {
  private final Notifier delegate;
  private final double tokensPerMilli;
  private final int burst;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private double tokens;
  private long lastRefillMillis;

  public RateLimitedNotifier(
      Notifier delegate, int perMinute, int burst, InstantSource clock, Sleeper sleeper) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("rate limit and burst must be >= 1");
    }
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.tokensPerMilli = perMinute / 60_000.0;
    this.burst = burst;
    this.clock = clock;
    this.sleeper = sleeper;
    this.tokens = burst;
    this.lastRefillMillis = clock.millis();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public DeliveryResult deliver(Notification notification) throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          break;
        }
        wait = Duration.ofMillis((long) Math.ceil((1 - tokens) / tokensPerMilli));
      }
      sleeper.sleep(wait);
    }
    return delegate.deliver(notification);
  }

  private void refill() {
    long now = clock.millis();
    tokens = Math.min(burst, tokens + (now - lastRefillMillis) * tokensPerMilli);
    lastRefillMillis = now;
  }

  @Override
  public String toString() {
    return "RateLimited[" + delegate + "]";
  }
}
