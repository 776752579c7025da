package org.pcosync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upper bounds on the PCO requests of the syncs BENCHMARKS.md tabulates (500 host people, half of
 * them in PCO before the first sync). Request counts depend on data only, never on timing, so
 * these bounds hold on any machine; BENCHMARKS.md gives the exact numbers measured.
 */
final class RequestCountsTest {
  private static final int N = 500;
  private static List<RequestCounts.Row> rows;

  @BeforeAll
  static void syncFiveTimes() {
    rows = RequestCounts.measure(N);
  }

  @Test
  void firstSyncNeedsAtMostThreeAndAQuarterRequestsPerPerson() {
    RequestCounts.Row first = rows.get(0);

    assertThat(first.reads()).isLessThanOrEqualTo(20);
    assertThat(first.requests()).isLessThanOrEqualTo(N * 13 / 4);
  }

  @Test
  void steadyStateFullRunOnlyPagesThroughPeopleAndServicesPeople() {
    RequestCounts.Row steady = rows.get(1);

    assertThat(steady.writes()).isZero();
    assertThat(steady.reads()).as("People and Services pages of 100, plus /me and tag groups")
        .isLessThanOrEqualTo(2 * (N / 100 + 1) + 4);
  }

  @Test
  void steadyStateUpdatesOnlyRunReadsAHandfulOfPages() {
    RequestCounts.Row steady = rows.get(2);

    assertThat(steady.writes()).isZero();
    assertThat(steady.reads()).isLessThanOrEqualTo(5);
  }

  @Test
  void updatesOnlyRunAfterHostEditsWritesOncePerEditedPerson() {
    RequestCounts.Row edits = rows.get(3);

    assertThat(edits.writes()).isEqualTo(RequestCounts.EDITS);
    assertThat(edits.reads()).isLessThanOrEqualTo(5 + RequestCounts.EDITS);
  }

  @Test
  void updatesOnlyRunAfterPcoEditsWritesNothingToPco() {
    RequestCounts.Row edits = rows.get(4);

    assertThat(edits.writes()).isZero();
    assertThat(edits.reads()).isLessThanOrEqualTo(5);
  }
}
