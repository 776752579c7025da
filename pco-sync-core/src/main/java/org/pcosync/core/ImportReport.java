package org.pcosync.core;

import java.util.List;

/**
 * What {@link PcoSync#importFromPco()} did: PCO people matched to existing host people, created in
 * the host, already linked before, added to an import group, skipped and failed.
 *
 * <pre>{@code
 * ImportReport r = sync.importFromPco();
 * if (!r.complete()) { ... run it again later: it continues where it stopped ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param matched PCO people linked to an existing host person (email + first + last name)
 * @param created PCO people created in the host with the account's default connection status
 * @param alreadyLinked PCO people linked before this call, left alone
 * @param addedToGroups people added to the import group of their Services permission level
 * @param skipped PCO people deliberately not imported, with the reason
 * @param failures what failed (ambiguous matches, host failures, PCO unavailable); failed people
 *     are retried by the next import
 * @param complete whether every PCO person was read; {@code false} when the import stopped early
 *     (call it again: it resumes from its checkpoint)
 */
public record ImportReport(
    int matched, int created, int alreadyLinked, int addedToGroups, List<SyncSkip> skipped, List<SyncFailure> failures,
    boolean complete) {

  /** Copies the lists. */
  public ImportReport {
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  /** Returns a one-line summary, e.g. "import complete: 3 matched, 12 created, …". */
  public String summary() {
    return "import " + (complete ? "complete" : "stopped early") + ": " + matched + " matched, " + created
        + " created, " + alreadyLinked + " already linked, " + addedToGroups + " added to groups, " + skipped.size()
        + " skipped, " + failures.size() + " failed";
  }
}
