package org.pcosync.api;

/** How a value is written to the target side. */
public enum WriteMode {
  /** Replace the target's value, and clear it when the source was cleared. */
  OVERWRITE,
  /** Write only where the target is empty; never overwrite or clear. */
  FILL_IF_EMPTY,
  /**
   * Add an entry (email, phone, address) without replacing existing ones; the new entry becomes
   * primary. Never deletes.
   */
  ADD
}
