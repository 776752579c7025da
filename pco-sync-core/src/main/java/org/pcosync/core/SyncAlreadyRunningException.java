package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.ErrorCode;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.RunLease;

/**
 * Another run holds the account's lease. Thrown at once, before anything is read or written;
 * {@link #holder()} names who holds it and until when.
 */
public final class SyncAlreadyRunningException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  private final transient RunLease holder;

  /**
   * @param accountId the account
   * @param holder the lease another run holds; nullable when the store did not say
   */
  public SyncAlreadyRunningException(String accountId, RunLease holder) {
    super(ErrorCode.RUN_IN_PROGRESS, "a sync of account " + requireNonNull(accountId, "accountId == null")
        + " is already running" + (holder == null ? "" : " (held by " + holder.owner() + " until "
        + holder.expiresAt() + ")"));
    this.holder = holder;
  }

  /** Returns the lease another run holds; nullable. */
  public RunLease holder() {
    return holder;
  }
}
