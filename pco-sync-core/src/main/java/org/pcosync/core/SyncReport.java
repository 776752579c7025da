package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.pcosync.api.RunMode;

/**
 * What a run (or an applied plan) did: people created and linked, fields updated, levels raised
 * and lowered, people archived, people skipped, conflicts and failures — each failure with host
 * id, PCO id, field and reason.
 *
 * <pre>{@code
 * SyncReport report = sync.run();
 * report.failures().forEach(f -> log.warn("{}", f));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} is deterministic (lists sorted).
 *
 * @param accountId the account
 * @param mode what the run read
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param created people created in PCO
 * @param linked people linked to an existing PCO person
 * @param updated fields written, either way
 * @param raised Services levels raised (incl. added to Services and un-archived)
 * @param lowered Services levels lowered
 * @param archived people archived in Services
 * @param skipped people left alone, with the reason
 * @param conflicts fields changed on both sides, with the resolution
 * @param failures what failed; it is retried on the next run
 * @param journalId the journal entry this run left: the applied run (revert it with {@code
 *     sync.admin().revert(journalId)}) or the held plan; {@code null} when nothing was written
 * @param held why the mass-change guard held the plan instead of applying it; {@code null} when
 *     it was not held
 */
public record SyncReport(
    String accountId,
    RunMode mode,
    Instant startedAt,
    Instant finishedAt,
    List<PersonRef> created,
    List<PersonRef> linked,
    List<FieldUpdate> updated,
    List<PermissionChange> raised,
    List<PermissionChange> lowered,
    List<PermissionChange> archived,
    List<SyncSkip> skipped,
    List<SyncConflict> conflicts,
    List<SyncFailure> failures,
    String journalId,
    MassChangeHold held) {

  /** A report without journal entry and not held. */
  public SyncReport(String accountId, RunMode mode, Instant startedAt, Instant finishedAt, List<PersonRef> created,
      List<PersonRef> linked, List<FieldUpdate> updated, List<PermissionChange> raised,
      List<PermissionChange> lowered, List<PermissionChange> archived, List<SyncSkip> skipped,
      List<SyncConflict> conflicts, List<SyncFailure> failures) {
    this(accountId, mode, startedAt, finishedAt, created, linked, updated, raised, lowered, archived, skipped,
        conflicts, failures, null, null);
  }

  public SyncReport {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(mode, "mode == null");
    requireNonNull(startedAt, "startedAt == null");
    requireNonNull(finishedAt, "finishedAt == null");
    created = sorted(created, Comparator.comparing(PersonRef::toString));
    linked = sorted(linked, Comparator.comparing(PersonRef::toString));
    updated = sorted(updated, Comparator.comparing(FieldUpdate::toString));
    raised = sorted(raised, Comparator.comparing(PermissionChange::toString));
    lowered = sorted(lowered, Comparator.comparing(PermissionChange::toString));
    archived = sorted(archived, Comparator.comparing(PermissionChange::toString));
    skipped = sorted(skipped, Comparator.comparing(SyncSkip::toString));
    conflicts = sorted(conflicts, Comparator.comparing(SyncConflict::toString));
    failures = sorted(failures, Comparator.comparing(SyncFailure::toString));
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    return requireNonNull(list, "list == null").stream().sorted(order).toList();
  }

  /** Returns a copy naming the journal entry the run left. */
  public SyncReport withJournalId(String id) {
    return new SyncReport(accountId, mode, startedAt, finishedAt, created, linked, updated, raised, lowered, archived,
        skipped, conflicts, failures, id, held);
  }

  /** Returns whether the mass-change guard held the plan (nothing was applied). */
  public boolean isHeld() {
    return held != null;
  }

  /** Returns whether nothing failed. */
  public boolean isClean() {
    return failures.isEmpty();
  }

  /** Returns one line of counts (and, when held, why). */
  public String summary() {
    if (held != null) {
      return "sync " + accountId + " " + mode + ": HELD " + held;
    }
    return "sync " + accountId + " " + mode + ": " + created.size() + " created, " + linked.size() + " linked, "
        + updated.size() + " fields updated, " + raised.size() + " raised, " + lowered.size() + " lowered, "
        + archived.size() + " archived, " + skipped.size() + " skipped, " + conflicts.size() + " conflicts, "
        + failures.size() + " failed";
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(summary());
    created.forEach(x -> b.append("\n  created ").append(x));
    linked.forEach(x -> b.append("\n  linked ").append(x));
    updated.forEach(x -> b.append("\n  updated ").append(x));
    raised.forEach(x -> b.append("\n  raised ").append(x));
    lowered.forEach(x -> b.append("\n  lowered ").append(x));
    archived.forEach(x -> b.append("\n  archived ").append(x));
    skipped.forEach(x -> b.append("\n  skipped ").append(x));
    conflicts.forEach(x -> b.append("\n  conflict ").append(x));
    failures.forEach(x -> b.append("\n  failed ").append(x));
    return b.toString();
  }
}
