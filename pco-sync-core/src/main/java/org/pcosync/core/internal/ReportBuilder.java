package org.pcosync.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pcosync.api.RunMode;
import org.pcosync.core.FieldUpdate;
import org.pcosync.core.PermissionChange;
import org.pcosync.core.PersonRef;
import org.pcosync.core.SyncConflict;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncReport;
import org.pcosync.core.SyncSkip;

/** Collects a run's outcomes into a {@link org.pcosync.core.SyncReport}. Not thread-safe. */
public final class ReportBuilder {
  final List<PersonRef> created = new ArrayList<>();
  final List<PersonRef> linked = new ArrayList<>();
  final List<FieldUpdate> updated = new ArrayList<>();
  final List<PermissionChange> raised = new ArrayList<>();
  final List<PermissionChange> lowered = new ArrayList<>();
  final List<PermissionChange> archived = new ArrayList<>();
  final List<SyncSkip> skipped = new ArrayList<>();
  final List<SyncConflict> conflicts = new ArrayList<>();
  final List<SyncFailure> failures = new ArrayList<>();

  /** Adds everything of another builder. */
  void addAll(ReportBuilder o) {
    created.addAll(o.created);
    linked.addAll(o.linked);
    updated.addAll(o.updated);
    raised.addAll(o.raised);
    lowered.addAll(o.lowered);
    archived.addAll(o.archived);
    skipped.addAll(o.skipped);
    conflicts.addAll(o.conflicts);
    failures.addAll(o.failures);
  }

  /** Returns the failures so far. */
  public List<SyncFailure> failures() {
    return failures;
  }

  /** Adds a failure. */
  public void fail(SyncFailure f) {
    failures.add(f);
  }

  /** Returns the report. */
  public SyncReport build(String accountId, RunMode mode, Instant startedAt, Instant finishedAt) {
    return new SyncReport(accountId, mode, startedAt, finishedAt, created, linked, updated, raised, lowered, archived,
        skipped, conflicts, failures);
  }
}
