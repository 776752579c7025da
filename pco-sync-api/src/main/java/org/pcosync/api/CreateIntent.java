package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Recorded before the first request that creates a PCO person for a host person, and removed once
 * the person is linked. A run that finds an open intent first looks for the person the interrupted
 * run may have created, so no crash point leaves two PCO people for one host person.
 * Immutable and thread-safe.
 *
 * @param accountId the account
 * @param hostStableId the host person's stable id
 * @param hostPersonId the host person's id at the time (written to PCO {@code remote_id} when numeric)
 * @param startedAt when the create began (PCO's {@code created_at} will be at or after it)
 * @param pcoPersonId the created PCO person once the create answered; nullable before
 */
public record CreateIntent(
    String accountId, String hostStableId, String hostPersonId, Instant startedAt, String pcoPersonId) {

  /** Validates the components. */
  public CreateIntent {
    HostPerson.requireNonBlank(accountId, "accountId");
    HostPerson.requireNonBlank(hostStableId, "hostStableId");
    HostPerson.requireNonBlank(hostPersonId, "hostPersonId");
    requireNonNull(startedAt, "startedAt == null");
  }

  /** Returns a copy recording the PCO person the create produced. */
  public CreateIntent withPcoPersonId(String id) {
    return new CreateIntent(accountId, hostStableId, hostPersonId, startedAt, id);
  }
}
