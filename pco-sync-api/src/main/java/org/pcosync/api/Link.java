package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A host person linked to a PCO person within one account, with what the last successful sync left
 * on each side. Links are one-to-one in both directions. Immutable and thread-safe.
 *
 * @param accountId the account
 * @param hostStableId the host person's stable id ({@link HostPerson#stableId()})
 * @param pcoPersonId the PCO People person id
 * @param hostBase per field, the host's normalised value when both sides last agreed
 * @param pcoBase per field, PCO's normalised value when both sides last agreed (differs from
 *     {@code hostBase} only where a field is one-way)
 * @param rejectedValues per field, a host value PCO rejected (422); it is not resent while the host
 *     value stays the same
 * @param rejectedReasons per field, PCO's reason for that rejection
 * @param linkedAt when the link was made
 * @param syncedAt when a sync last wrote or confirmed this link; nullable before the first
 */
public record Link(
    String accountId,
    String hostStableId,
    String pcoPersonId,
    FieldSnapshot hostBase,
    FieldSnapshot pcoBase,
    FieldSnapshot rejectedValues,
    FieldSnapshot rejectedReasons,
    Instant linkedAt,
    Instant syncedAt) {

  /** Validates the components. */
  public Link {
    HostPerson.requireNonBlank(accountId, "accountId");
    HostPerson.requireNonBlank(hostStableId, "hostStableId");
    HostPerson.requireNonBlank(pcoPersonId, "pcoPersonId");
    requireNonNull(hostBase, "hostBase == null");
    requireNonNull(pcoBase, "pcoBase == null");
    requireNonNull(rejectedValues, "rejectedValues == null");
    requireNonNull(rejectedReasons, "rejectedReasons == null");
    requireNonNull(linkedAt, "linkedAt == null");
  }

  /** Returns a new link without bases: the first sync fills them. */
  public static Link create(String accountId, String hostStableId, String pcoPersonId, Instant now) {
    return new Link(accountId, hostStableId, pcoPersonId, FieldSnapshot.EMPTY, FieldSnapshot.EMPTY,
        FieldSnapshot.EMPTY, FieldSnapshot.EMPTY, now, null);
  }

  /** Returns whether the link has a base for any field (false for a brand-new link). */
  public boolean hasBase() {
    return !hostBase.values().isEmpty() || !pcoBase.values().isEmpty();
  }

  /** Returns a copy with new bases and sync time. */
  public Link withBases(FieldSnapshot newHostBase, FieldSnapshot newPcoBase, Instant now) {
    return new Link(accountId, hostStableId, pcoPersonId, newHostBase, newPcoBase, rejectedValues,
        rejectedReasons, linkedAt, now);
  }

  /** Returns a copy with new rejections. */
  public Link withRejections(FieldSnapshot values, FieldSnapshot reasons) {
    return new Link(accountId, hostStableId, pcoPersonId, hostBase, pcoBase, values, reasons, linkedAt, syncedAt);
  }

  /** Returns a copy pointing at another PCO person (after a PCO merge, or set by hand). */
  public Link withPcoPersonId(String newPcoPersonId) {
    return new Link(accountId, hostStableId, newPcoPersonId, hostBase, pcoBase, rejectedValues,
        rejectedReasons, linkedAt, syncedAt);
  }
}
