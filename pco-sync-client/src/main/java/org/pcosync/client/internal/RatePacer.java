package org.pcosync.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.Sleeper;

/**
 * Keeps one account's requests under PCO's rate limit.
 *
 * <p>A sliding window of this client's own send times, sized by the latest {@code
 * X-PCO-API-Request-Rate-Limit} / {@code -Period} headers (default 100 per 20 s until PCO says
 * otherwise): a request waits until fewer than {@code limit} sends fall inside the last period.
 * When PCO reports {@code count >= limit} (other clients of the same user share the budget, or the
 * limit dropped mid-run), or after a 429, all requests wait until the reported window passes.
 * Thread-safe.
 */
public final class RatePacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Deque<Instant> sends = new ArrayDeque<>();
  private int limit;
  private Duration period;
  private @Nullable Instant blockedUntil;

  public RatePacer(Clock clock, Sleeper sleeper, int initialLimit, Duration initialPeriod) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.limit = initialLimit;
    this.period = initialPeriod;
  }

  /** Blocks until a request may be sent, then records it. */
  public void acquire() throws InterruptedException {
    while (true) {
      Duration wait = tryReserve(clock.instant());
      if (wait.isZero()) {
        return;
      }
      sleeper.sleep(wait);
    }
  }

  /** Records a send at {@code now} and returns zero, or returns how long to wait. */
  synchronized Duration tryReserve(Instant now) {
    if (blockedUntil != null) {
      if (now.isBefore(blockedUntil)) {
        return Duration.between(now, blockedUntil);
      }
      blockedUntil = null;
    }
    Instant windowStart = now.minus(period);
    while (!sends.isEmpty() && !sends.peekFirst().isAfter(windowStart)) {
      sends.removeFirst();
    }
    if (sends.size() >= limit) {
      // wait until enough of the oldest sends leave the window
      Instant[] arr = sends.toArray(new Instant[0]);
      Instant frees = arr[sends.size() - limit].plus(period);
      Duration d = Duration.between(now, frees);
      return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }
    sends.addLast(now);
    return Duration.ZERO;
  }

  /**
   * Feeds the rate headers of a response (any may be null or malformed: ignored). For a 429 pass
   * a null count: its {@code Retry-After} (see {@link #block}) says how long to wait, not the
   * period.
   */
  public synchronized void onResponse(
      @Nullable String limitHeader, @Nullable String countHeader, @Nullable String periodHeader) {
    Integer newLimit = leadingInt(limitHeader);
    Integer newPeriod = leadingInt(periodHeader);
    Integer count = leadingInt(countHeader);
    if (newLimit != null && newLimit > 0) {
      limit = newLimit;
    }
    if (newPeriod != null && newPeriod > 0) {
      period = Duration.ofSeconds(newPeriod);
    }
    if (count != null && count >= limit) {
      block(period);
    }
  }

  /** Makes every request wait {@code d} from now (429 with Retry-After). */
  public synchronized void block(Duration d) {
    Instant until = clock.instant().plus(d);
    if (blockedUntil == null || until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
  }

  public synchronized int limit() {
    return limit;
  }

  public synchronized Duration period() {
    return period;
  }

  /** The leading integer of {@code "20"}, {@code "20 seconds"}, {@code " 100 "}; else null. */
  static @Nullable Integer leadingInt(@Nullable String header) {
    if (header == null) {
      return null;
    }
    String s = header.trim().toLowerCase(Locale.ROOT);
    int end = 0;
    if (end < s.length() && s.charAt(end) == '-') {
      end++;
    }
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    if (end == 0 || (end == 1 && s.charAt(0) == '-')) {
      return null;
    }
    try {
      return Integer.parseInt(s.substring(0, end));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
