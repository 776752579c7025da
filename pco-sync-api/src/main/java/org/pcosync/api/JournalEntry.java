package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of an account's run journal: an applied run (with before-values, for revert), a plan
 * held by the mass-change guard, or a conflict held for review. The payload is the engine's own
 * text encoding; stores keep it verbatim. Immutable and thread-safe.
 *
 * @param accountId the account
 * @param id unique within the account
 * @param kind what the entry records
 * @param status where it stands
 * @param createdAt when it was written first
 * @param updatedAt when its status last changed
 * @param summary one line for admins, e.g. "12 updated, 1 archived"
 * @param payload the engine's encoding of the operations; may be large
 */
public record JournalEntry(
    String accountId, String id, Kind kind, Status status, Instant createdAt, Instant updatedAt,
    String summary, String payload) {

  /** What a journal entry records. */
  public enum Kind {
    /** A run's applied operations with their before-values. */
    RUN,
    /** A plan the mass-change guard held for an admin. */
    HELD_PLAN,
    /** A conflict held for review. */
    CONFLICT
  }

  /** Where a journal entry stands. */
  public enum Status {
    /** Applied (a run, or a held plan an admin applied). */
    APPLIED,
    /** Waiting for an admin. */
    HELD,
    /** An admin resolved it. */
    RESOLVED,
    /** Reverted by an admin. */
    REVERTED,
    /** An admin discarded it, or a newer run superseded it. */
    DISCARDED
  }

  /** Validates the components. */
  public JournalEntry {
    HostPerson.requireNonBlank(accountId, "accountId");
    HostPerson.requireNonBlank(id, "id");
    requireNonNull(kind, "kind == null");
    requireNonNull(status, "status == null");
    requireNonNull(createdAt, "createdAt == null");
    requireNonNull(updatedAt, "updatedAt == null");
    requireNonNull(summary, "summary == null");
    requireNonNull(payload, "payload == null");
  }

  /** Returns a copy with another status. */
  public JournalEntry withStatus(Status newStatus, Instant now) {
    return new JournalEntry(accountId, id, kind, newStatus, createdAt, now, summary, payload);
  }
}
