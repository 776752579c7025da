package org.pcosync.client;

import java.time.Duration;

/**
 * Waits for a duration; injected into {@link PcoClient} so that pacing, {@code Retry-After} and
 * back-off waits can run on a virtual clock in tests.
 *
 * <pre>{@code
 * Sleeper real = Sleeper.system();
 * Sleeper virtual = d -> testClock.advance(d);   // tests: never really sleep
 * }</pre>
 *
 * <p>Implementations must be thread-safe: several request threads of one client may sleep at once.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread for {@code duration} (non-negative). */
  void sleep(Duration duration) throws InterruptedException;

  /** A sleeper backed by {@link Thread#sleep(long, int)}. */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    };
  }
}
