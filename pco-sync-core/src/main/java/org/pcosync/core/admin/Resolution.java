package org.pcosync.core.admin;

/** Which side's value an admin keeps for a conflicting field. */
public enum Resolution {
  /** Keep the host's value: it is written to PCO. */
  HOST_VALUE,
  /** Keep PCO's value: it is written to the host. */
  PCO_VALUE
}
