package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.PersonData;

/**
 * A PCO person's profile, as {@link PcoSync#lookupByEmail} returns it for prefilling a host form:
 * the PCO id and the fields the account's profile syncs, in the host's terms (names mapped by the
 * account's name mapping). Immutable and thread-safe.
 *
 * @param pcoPersonId PCO's person id
 * @param data the profile fields; fields PCO holds no (readable) value for are absent
 */
public record PcoPersonProfile(String pcoPersonId, PersonData data) {
  public PcoPersonProfile {
    requireNonNull(pcoPersonId, "pcoPersonId == null");
    requireNonNull(data, "data == null");
  }
}
