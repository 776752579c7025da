package org.pcosync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ConflictPolicy;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncField;
import org.pcosync.core.SyncConflict;
import org.pcosync.core.internal.JournalCodec.Change;
import org.pcosync.core.internal.JournalCodec.ConflictRecord;
import org.pcosync.core.internal.JournalCodec.HeldPerson;
import org.pcosync.core.internal.JournalCodec.HeldRecord;
import org.pcosync.core.internal.JournalCodec.LinkKind;
import org.pcosync.core.internal.JournalCodec.RunPerson;
import org.pcosync.core.internal.JournalCodec.RunRecord;
import org.pcosync.core.internal.JournalCodec.Side;

/** The journal's text encoding: round trips, stability, awkward values and malformed payloads. */
final class JournalCodecTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private static RunRecord run() {
    return new RunRecord(RunMode.UPDATES_ONLY, T0, List.of(
        new RunPerson("42", "s-42", "1001", LinkKind.UPDATED, List.of(
            new Change(Side.PCO, SyncField.LAST_NAME, "o'brien", "O\tBrien\\n"),
            new Change(Side.HOST, SyncField.MOBILE_PHONE, "5551234", null),
            new Change(Side.PCO, SyncField.PERMISSION, "Editor", "Archived"))),
        new RunPerson("43", "s-43", "1002", LinkKind.CREATED, List.of())));
  }

  @Test
  void runRoundTripsWithTabsNewlinesBackslashesAndNulls() {
    assertThat(JournalCodec.decodeRun(JournalCodec.encode(run()))).isEqualTo(run());
  }

  @Test
  void encodingIsStableText() {
    assertThat(JournalCodec.encode(run())).isEqualTo("""
        pco-sync-journal/1 run
        run\tUPDATES_ONLY\t2026-01-05T09:00:00Z
        person\t42\ts-42\t1001\tUPDATED
        change\tPCO\tLAST_NAME\to'brien\tO\\tBrien\\\\n
        change\tHOST\tMOBILE_PHONE\t5551234\t\\0
        change\tPCO\tPERMISSION\tEditor\tArchived
        person\t43\ts-43\t1002\tCREATED
        """);
  }

  @Test
  void heldPlanRoundTripsMultiLinePersonText() {
    HeldRecord held = new HeldRecord(RunMode.FULL, T0, "would change 50 of 200 linked people",
        List.of(new HeldPerson("1", "s1", null, "Ted -> PCO (new)\n    CreatePerson{}"),
            new HeldPerson("2", "s2", "9", "Ann -> PCO 9\n    Archive[Editor -> Archived]")));

    assertThat(JournalCodec.decodeHeld(JournalCodec.encode(held))).isEqualTo(held);
  }

  @Test
  void conflictRoundTrips() {
    ConflictRecord c = new ConflictRecord("s1", new SyncConflict("1", "9", SyncField.MIDDLE_NAME, null, "Lee", "Leigh",
        ConflictPolicy.HOLD_FOR_REVIEW, "held"));

    assertThat(JournalCodec.decodeConflict(JournalCodec.encode(c))).isEqualTo(c);
  }

  @Test
  void wholeAddressBeforeTheRunRoundTrips() {
    RunRecord r = new RunRecord(RunMode.FULL, T0, List.of(new RunPerson("1", "s1", "9", LinkKind.UPDATED,
        List.of(new Change(Side.PCO, SyncField.HOME_ADDRESS, "1 main st||springfield|il|62701|US", "x")),
        java.util.Map.of(Side.PCO, new org.pcosync.api.PostalAddress("1 Main St", null, "Springfield", "IL", "62701",
            "US")))));

    assertThat(JournalCodec.decodeRun(JournalCodec.encode(r))).isEqualTo(r);
  }

  @Test
  void aValueSpelledLikeTheNullMarkerStaysAValue() {
    RunRecord r = new RunRecord(RunMode.FULL, T0, List.of(new RunPerson("1", "s1", "9", LinkKind.UPDATED,
        List.of(new Change(Side.HOST, SyncField.NICKNAME, "\\0", "")))));

    assertThat(JournalCodec.decodeRun(JournalCodec.encode(r))).isEqualTo(r);
  }

  @Test
  void payloadOfAnotherKindIsRejected() {
    String conflict = JournalCodec.encode(new ConflictRecord("s1", new SyncConflict("1", "9", SyncField.MIDDLE_NAME,
        null, "a", "b", ConflictPolicy.HOLD_FOR_REVIEW, "held")));

    assertThatThrownBy(() -> JournalCodec.decodeRun(conflict)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a run journal payload");
  }

  @Test
  void unknownEscapeIsRejected() {
    assertThatThrownBy(() -> JournalCodec.unescape("a\\qb")).isInstanceOf(IllegalArgumentException.class);
  }
}
