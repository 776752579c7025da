package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.RunMode;

/**
 * What a run would do: typed operations per person with before and after values, and what it
 * would report (conflicts, skips, failures found while planning). Computing a plan writes
 * nothing; {@link PcoSync#apply(SyncPlan)} executes it.
 *
 * <pre>{@code
 * SyncPlan plan = sync.dryRun();
 * if (plan.hasChanges()) {
 *   System.out.println(plan.summary());
 *   sync.apply(plan);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} is deterministic.
 *
 * @param accountId the account
 * @param mode what the run read
 * @param readAt when the run started reading: the updates-only cursor saved after apply
 * @param people the person plans with at least one operation, by host id
 * @param tagsToPublish PCO's person tags to publish to the host; {@code null} to leave them
 * @param conflicts conflicts found
 * @param skipped people left alone
 * @param failures failures found while planning (invalid values, rejected values, ambiguous matches)
 * @param linkedCount how many people were already linked before this plan (for the mass-change guard)
 */
public record SyncPlan(
    String accountId,
    RunMode mode,
    Instant readAt,
    List<PersonPlan> people,
    List<AvailableTag> tagsToPublish,
    List<SyncConflict> conflicts,
    List<SyncSkip> skipped,
    List<SyncFailure> failures,
    int linkedCount) {

  public SyncPlan {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(mode, "mode == null");
    requireNonNull(readAt, "readAt == null");
    people = List.copyOf(requireNonNull(people, "people == null"));
    tagsToPublish = tagsToPublish == null ? null : List.copyOf(tagsToPublish);
    conflicts = List.copyOf(requireNonNull(conflicts, "conflicts == null"));
    skipped = List.copyOf(requireNonNull(skipped, "skipped == null"));
    failures = List.copyOf(requireNonNull(failures, "failures == null"));
  }

  /** Returns whether applying the plan would write PCO or the host (tag publishing aside). */
  public boolean hasChanges() {
    return people.stream().anyMatch(PersonPlan::hasChanges);
  }

  /** Returns the plan of a host person (by current id), or {@code null}. */
  public PersonPlan person(String hostPersonId) {
    return people.stream().filter(p -> p.hostPersonId().equals(hostPersonId)).findFirst().orElse(null);
  }

  /** Returns how many operations of each kind the plan holds, by operation name. */
  public Map<String, Integer> operationCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (PersonPlan p : people) {
      for (SyncOperation o : p.operations()) {
        String name = o instanceof SyncOperation.SetPermission s ? (s.isRaise() ? "RaisePermission" : "LowerPermission")
            : o.getClass().getSimpleName();
        counts.merge(name, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Returns one line, e.g. "plan first-church FULL: 3 people; CreatePerson=1, ...; 1 conflict, 0 skipped, 0 failed". */
  public String summary() {
    return "plan " + accountId + " " + mode + ": " + people.size() + " people; " + operationCounts() + "; "
        + conflicts.size() + " conflicts, " + skipped.size() + " skipped, " + failures.size() + " failed";
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(summary());
    for (PersonPlan p : people) {
      b.append("\n  ").append(p);
    }
    conflicts.forEach(c -> b.append("\n  conflict ").append(c));
    skipped.forEach(s -> b.append("\n  skipped ").append(s));
    failures.forEach(f -> b.append("\n  failed ").append(f));
    return b.toString();
  }
}
