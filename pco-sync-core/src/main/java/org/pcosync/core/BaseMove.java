package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.SyncField;

/**
 * A base that moves without a write: both sides already agree, or a one-way field's other side
 * changed on its own. Immutable and thread-safe.
 *
 * @param field the field
 * @param hostBase the new host base; {@code null} for empty
 * @param pcoBase the new PCO base; {@code null} for empty
 */
public record BaseMove(SyncField field, String hostBase, String pcoBase) {
  public BaseMove {
    requireNonNull(field, "field == null");
  }

  @Override
  public String toString() {
    return field + "=" + FieldChange.show(hostBase)
        + (java.util.Objects.equals(hostBase, pcoBase) ? "" : "/" + FieldChange.show(pcoBase));
  }
}
