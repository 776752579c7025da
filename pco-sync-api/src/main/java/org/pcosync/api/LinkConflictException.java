package org.pcosync.api;

/**
 * Thrown by a {@link org.pcosync.api.spi.SyncStateStore} when saving a link would join a PCO person
 * to a second host person. (Saving a host person's link with another PCO person replaces the old
 * link: that is how a link follows a PCO merge.) Links are one-to-one.
 */
public final class LinkConflictException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  /** @param message which ids collided */
  public LinkConflictException(String message) {
    super(ErrorCode.LINK_CONFLICT, message);
  }
}
