package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.SyncField;

/**
 * A field a run wrote. Immutable and thread-safe.
 *
 * @param hostPersonId the host person
 * @param pcoPersonId the PCO person
 * @param field the field
 * @param toPco {@code true} when PCO was written, {@code false} when the host was
 */
public record FieldUpdate(String hostPersonId, String pcoPersonId, SyncField field, boolean toPco) {
  public FieldUpdate {
    requireNonNull(hostPersonId, "hostPersonId == null");
    requireNonNull(field, "field == null");
  }

  @Override
  public String toString() {
    return hostPersonId + "->" + pcoPersonId + " " + field + (toPco ? " (to PCO)" : " (to host)");
  }
}
