package org.pcosync.api;

/** What to do when both sides changed a field to different values since the last sync. */
public enum ConflictPolicy {
  /** The host's value wins (the default: the host is the master list). */
  HOST_WINS,
  /** PCO's value wins. */
  PCO_WINS,
  /** The side modified most recently wins; the host wins a tie or when a time is unknown. */
  NEWEST_WINS,
  /** Neither side is written; the conflict is kept in the journal for an admin to resolve. */
  HOLD_FOR_REVIEW
}
