package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The right to run one account's sync until {@code expiresAt}; renewed while running, so a crashed
 * job never holds an account forever. Immutable and thread-safe.
 *
 * @param accountId the account
 * @param owner who holds it, e.g. "host-a/pid-123/thread-7": shown in the "already running" error
 * @param token unique per acquisition; renew and release must present it
 * @param acquiredAt when it was taken
 * @param expiresAt when it lapses unless renewed
 */
public record RunLease(String accountId, String owner, String token, Instant acquiredAt, Instant expiresAt) {

  /** Validates the components. */
  public RunLease {
    HostPerson.requireNonBlank(accountId, "accountId");
    HostPerson.requireNonBlank(owner, "owner");
    HostPerson.requireNonBlank(token, "token");
    requireNonNull(acquiredAt, "acquiredAt == null");
    requireNonNull(expiresAt, "expiresAt == null");
  }

  /** Returns whether the lease has lapsed at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
