package org.pcosync.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a {@link MutableClock} in step with the system clock from a daemon thread, for a fake PCO
 * that real clients talk to in real time (the standalone server, the demo), so its rate-limit
 * windows pass as usual. Tests keep the clock virtual instead.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.now());
 * try (SystemTimeFollower follow = SystemTimeFollower.start(clock, Duration.ofMillis(20))) {
 *   // ... a FakePco built with this clock ...
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} stops the thread.
 */
public final class SystemTimeFollower implements AutoCloseable {
  private final Thread thread;

  private SystemTimeFollower(MutableClock clock, Duration interval) {
    long millis = Math.max(1, interval.toMillis());
    thread = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        Instant now = Instant.now();
        if (now.isAfter(clock.instant())) {
          clock.set(now);
        }
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "mutable-clock-follower");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts moving {@code clock} forward to the system time every {@code interval}; it never moves
   * the clock backwards.
   */
  public static SystemTimeFollower start(MutableClock clock, Duration interval) {
    requireNonNull(clock, "clock == null");
    requireNonNull(interval, "interval == null");
    return new SystemTimeFollower(clock, interval);
  }

  /** Stops following. */
  @Override
  public void close() {
    thread.interrupt();
  }
}
