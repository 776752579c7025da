package org.pcosync.api;

/** Which way a field flows. */
public enum Direction {
  /** Both ways, by three-way merge. */
  BOTH,
  /** Host to PCO only. */
  HOST_TO_PCO,
  /** PCO to host only. */
  PCO_TO_HOST,
  /** Not synchronised. */
  NONE;

  /** Returns whether host values are written to PCO. */
  public boolean writesPco() {
    return this == BOTH || this == HOST_TO_PCO;
  }

  /** Returns whether PCO values are written to the host. */
  public boolean writesHost() {
    return this == BOTH || this == PCO_TO_HOST;
  }
}
