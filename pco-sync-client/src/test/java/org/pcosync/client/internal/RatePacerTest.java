package org.pcosync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class RatePacerTest {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  private static RatePacer pacer(int limit) {
    return new RatePacer(Clock.fixed(T0, ZoneOffset.UTC), d -> {}, limit, Duration.ofSeconds(20));
  }

  @Test
  void periodHeaderWithUnitsIsParsedByLeadingInteger() {
    assertThat(RatePacer.leadingInt("20")).isEqualTo(20);
    assertThat(RatePacer.leadingInt("20 seconds")).isEqualTo(20);
    assertThat(RatePacer.leadingInt(" 100 ")).isEqualTo(100);
    assertThat(RatePacer.leadingInt("-5")).isEqualTo(-5);
    assertThat(RatePacer.leadingInt("soon")).isNull();
    assertThat(RatePacer.leadingInt(null)).isNull();
  }

  @Test
  void requestsUnderTheLimitDoNotWait() {
    RatePacer p = pacer(3);

    assertThat(p.tryReserve(T0)).isZero();
    assertThat(p.tryReserve(T0)).isZero();
    assertThat(p.tryReserve(T0.plusSeconds(1))).isZero();
  }

  @Test
  void fullWindowWaitsUntilTheOldestSendLeavesIt() {
    RatePacer p = pacer(2);
    p.tryReserve(T0);
    p.tryReserve(T0.plusSeconds(5));

    assertThat(p.tryReserve(T0.plusSeconds(6))).isEqualTo(Duration.ofSeconds(14));
    assertThat(p.tryReserve(T0.plusSeconds(20))).isZero();
  }

  @Test
  void headersReplaceLimitAndPeriod() {
    RatePacer p = pacer(100);

    p.onResponse("10", "1", "30 seconds");

    assertThat(p.limit()).isEqualTo(10);
    assertThat(p.period()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void malformedHeadersAreIgnored() {
    RatePacer p = pacer(100);

    p.onResponse("lots", null, "-1");

    assertThat(p.limit()).isEqualTo(100);
    assertThat(p.period()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void countAtTheLimitBlocksForOnePeriod() {
    RatePacer p = pacer(100);

    p.onResponse("100", "100", "20");

    assertThat(p.tryReserve(T0)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.tryReserve(T0.plusSeconds(20))).isZero();
  }
}
