package org.pcosync.testkit.fake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** PCO's per-user fixed-window rate limit, measured on the injected clock. Thread-safe. */
public final class RateLimiter {
  /** The outcome for one request: its place in the window and, when over, how long to wait. */
  public record Decision(boolean allowed, int count, int limit, long periodSeconds, long retryAfterSeconds) {}

  private static final class Window {
    Instant start;
    int count;
  }

  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();
  private int limit;
  private Duration period;
  private boolean enabled;

  public RateLimiter(Clock clock, int limit, Duration period, boolean enabled) {
    this.clock = clock;
    this.limit = limit;
    this.period = period;
    this.enabled = enabled;
  }

  public synchronized void set(int limit, Duration period) {
    if (limit < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("limit must be >= 1 and period > 0");
    }
    this.limit = limit;
    this.period = period;
    this.enabled = true;
  }

  public synchronized void disable() {
    enabled = false;
  }

  public synchronized boolean enabled() {
    return enabled;
  }

  /** Counts one request of {@code user}; every request counts, rejected ones too (as PCO reports 118 of 100). */
  public synchronized Decision admit(String user) {
    return admit(user, Integer.MAX_VALUE);
  }

  /**
   * Counts one request of {@code user} against the current limit, or {@code cap} when lower (PCO's
   * stricter limit for requests with a high {@code offset}).
   */
  public synchronized Decision admit(String user, int cap) {
    int limit = Math.min(this.limit, cap);
    long periodSeconds = Math.max(1, (period.toMillis() + 999) / 1000);
    if (!enabled) {
      return new Decision(true, 0, limit, periodSeconds, 0);
    }
    Instant now = clock.instant();
    Window w = windows.computeIfAbsent(user, k -> new Window());
    if (w.start == null || !now.isBefore(w.start.plus(period)) || now.isBefore(w.start)) {
      w.start = now;
      w.count = 0;
    }
    w.count++;
    if (w.count <= limit) {
      return new Decision(true, w.count, limit, periodSeconds, 0);
    }
    long millisLeft = Duration.between(now, w.start.plus(period)).toMillis();
    long retry = Math.max(1, (millisLeft + 999) / 1000);
    return new Decision(false, w.count, limit, periodSeconds, retry);
  }
}
