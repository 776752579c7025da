package org.pcosync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class MutableClockTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void advanceMovesTheInstant() {
    MutableClock clock = MutableClock.at(START);

    clock.advance(Duration.ofSeconds(20));

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(20));
  }

  @Test
  void setJumpsToTheGivenInstant() {
    MutableClock clock = MutableClock.at(START);

    clock.set(START.minusSeconds(5));

    assertThat(clock.instant()).isEqualTo(START.minusSeconds(5));
  }

  @Test
  void negativeAdvanceIsRejected() {
    assertThatThrownBy(() -> MutableClock.at(START).advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zonedViewMovesWithTheClock() {
    MutableClock clock = MutableClock.at(START);
    MutableClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(paris.instant()).isEqualTo(START.plusSeconds(60));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void concurrentAdvancesAreNotLost() {
    MutableClock clock = MutableClock.at(START);

    CompletableFuture.allOf(IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
      for (int j = 0; j < 1000; j++) {
        clock.advance(Duration.ofMillis(1));
      }
    })).toArray(CompletableFuture[]::new)).join();

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(8));
  }

  @Test
  void sleeperMethodReferenceAdvances() {
    MutableClock clock = MutableClock.at(START);
    java.util.function.Consumer<Duration> sleeper = clock::advance;

    sleeper.accept(Duration.ofSeconds(19));

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(19));
  }
}
