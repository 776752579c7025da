package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pcosync.api.SyncField;

/**
 * What {@link PcoSync#pushContact} or {@link PcoSync#register} did with one person: whether the PCO
 * person was created or matched, which fields were written, which were left alone and why, and
 * what failed.
 *
 * <pre>{@code
 * ContactResult r = sync.pushContact(submission);
 * if (r.outcome() == ContactResult.Outcome.CREATED) { ... r.pcoPersonId() ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome what happened
 * @param pcoPersonId the PCO person created or matched; {@code null} when ambiguous or the create failed
 * @param added fields written to PCO (for a created person: every field it was created with)
 * @param skipped fields given but not written, with the reason (already on file, fill-only, …)
 * @param failures what failed; a retry of the same submission resends only what is still missing
 */
public record ContactResult(
    Outcome outcome, String pcoPersonId, List<SyncField> added, List<FieldSkip> skipped, List<SyncFailure> failures) {

  /** What happened to the person. */
  public enum Outcome {
    /** A new PCO person was created. */
    CREATED,
    /** An existing PCO person matched name and email (§6 matching). */
    MATCHED,
    /** Several PCO people matched; nothing was written (merge them in PCO). */
    AMBIGUOUS,
    /** The PCO person could not be created; see {@link #failures()}. */
    FAILED
  }

  /**
   * A field given but not written.
   *
   * @param field the field
   * @param reason why, a phrase for an admin
   */
  public record FieldSkip(SyncField field, String reason) {
    public FieldSkip {
      requireNonNull(field, "field == null");
      requireNonNull(reason, "reason == null");
    }
  }

  /** Validates the components and copies the lists. */
  public ContactResult {
    requireNonNull(outcome, "outcome == null");
    added = List.copyOf(added);
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  /** Returns whether nothing failed. */
  public boolean isComplete() {
    return failures.isEmpty() && outcome != Outcome.FAILED && outcome != Outcome.AMBIGUOUS;
  }
}
