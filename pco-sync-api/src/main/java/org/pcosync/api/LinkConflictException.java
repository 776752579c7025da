package org.pcosync.api;

/**
 * Thrown by a {@link org.pcosync.api.spi.SyncStateStore} when saving a link would join a PCO person
 * to a second host person (or a host person to a second PCO person). Links are one-to-one.
 */
public final class LinkConflictException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  /** @param message which ids collided */
  public LinkConflictException(String message) {
    super(ErrorCode.LINK_CONFLICT, message);
  }
}
