package org.pcosync.api;

/** What a scheduled run reads. */
public enum RunMode {
  /** Every PCO person and Services person of the account. */
  FULL,
  /**
   * PCO people updated since the saved cursor (minus a safety margin) and host people changed
   * since then. Services tags flow host → PCO only in this mode, because PCO does not say when
   * they changed.
   */
  UPDATES_ONLY
}
