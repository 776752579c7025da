package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person as the host holds them.
 *
 * <p>{@code id} is the host's current id for the person; {@code stableId} is an identity that
 * survives host-side merges (Rock's PersonAlias: after B is merged into A, looking up B's stable id
 * finds A). Links to PCO are keyed by the stable id. Hosts without merges may use the id for both.
 * Immutable and thread-safe.
 *
 * @param id the host's current id, non-blank
 * @param stableId the merge-surviving identity, non-blank
 * @param data the synchronised fields
 * @param photo the photo, nullable
 * @param modifiedAt when the host last changed this person, nullable when the host does not track
 *     it (used by the "newest wins" conflict policy)
 */
public record HostPerson(String id, String stableId, PersonData data, PhotoRef photo, Instant modifiedAt) {

  /** Validates the components. */
  public HostPerson {
    requireNonBlank(id, "id");
    requireNonBlank(stableId, "stableId");
    requireNonNull(data, "data == null");
  }

  /** Returns a person without photo or modification time, whose stable id is its id. */
  public static HostPerson of(String id, PersonData data) {
    return new HostPerson(id, id, data, null, null);
  }

  /** Returns a copy with other data. */
  public HostPerson withData(PersonData newData) {
    return new HostPerson(id, stableId, newData, photo, modifiedAt);
  }

  /** Returns a short label for reports: the id and the name, never contact details. */
  public String label() {
    String first = data.nickname() != null ? data.nickname() : data.firstName();
    return id + " (" + (first == null ? "" : first + " ") + (data.lastName() == null ? "" : data.lastName()) + ")";
  }

  static void requireNonBlank(String s, String name) {
    requireNonNull(s, name + " == null");
    if (s.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
