package org.pcosync.api;

/**
 * What went wrong, in a form a program can switch on. Carried by every {@link PcoSyncException}.
 */
public enum ErrorCode {
  /** A value (email, phone, date, enum, name) is malformed or unknown. */
  INVALID_VALUE,
  /** A host SPI call failed. */
  HOST_FAILURE,
  /** PCO rejected a request (4xx other than 401/403/429). */
  PCO_REJECTED,
  /** PCO failed or was unreachable (5xx, timeout, connection reset) after retries. */
  PCO_UNAVAILABLE,
  /** PCO refused the credentials (401/403), or the OAuth grant must be renewed by an admin. */
  PCO_AUTHENTICATION,
  /** PCO's rate limit was still exceeded after bounded retries. */
  PCO_RATE_LIMITED,
  /** Another run holds this account's lease. */
  RUN_IN_PROGRESS,
  /** A link would join two host people to one PCO person, or the reverse. */
  LINK_CONFLICT,
  /** More than one PCO person matched and none was chosen. */
  AMBIGUOUS_MATCH,
  /** The sync state store failed. */
  STATE_STORE_FAILURE,
  /** The configuration is invalid. */
  CONFIGURATION,
  /** Anything else: a bug. */
  INTERNAL
}
