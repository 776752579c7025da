package org.pcosync.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to: the virtual time shared by a client under test and
 * the fake PCO server, so rate-limit periods, retry delays and token expiries pass without real waiting.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * PcoClient client = PcoClient.builder().clock(clock).sleeper(clock::advance).build();
 * clock.advance(Duration.ofSeconds(20));
 * }</pre>
 *
 * <p>Clocks derived with {@link #withZone(ZoneId)} share this clock's instant. Thread-safe; share one
 * instance.
 */
public final class MutableClock extends Clock {

  /** The instant a clock made with {@link #create()} starts at. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@link #DEFAULT_START}, in UTC. */
  public static MutableClock create() {
    return at(DEFAULT_START);
  }

  /** A clock at {@code start}, in UTC. */
  public static MutableClock at(Instant start) {
    requireNonNull(start, "start == null");
    return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward by {@code duration}; fits {@code Sleeper}-style method references
   * ({@code clock::advance}).
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration < 0: " + duration);
    }
    now.updateAndGet(i -> i.plus(duration));
  }

  /** Sets the clock to {@code instant}; it may move backwards (to model clock skew). */
  public void set(Instant instant) {
    requireNonNull(instant, "instant == null");
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; it moves together with this clock. */
  @Override
  public MutableClock withZone(ZoneId zone) {
    requireNonNull(zone, "zone == null");
    return new MutableClock(now, zone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
