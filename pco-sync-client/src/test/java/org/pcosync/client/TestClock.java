package org.pcosync.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A virtual clock whose {@link #sleeper()} advances time instead of sleeping. Thread-safe. */
final class TestClock extends Clock {
  static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

  private Instant now = START;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /** Time passed since {@link #START}. */
  synchronized Duration elapsed() {
    return Duration.between(START, now);
  }

  /** Every wait the client asked for, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      advance(d);
    };
  }
}
