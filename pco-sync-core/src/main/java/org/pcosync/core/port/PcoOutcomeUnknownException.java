package org.pcosync.core.port;

import org.pcosync.api.ErrorCode;

/**
 * A create was sent but its response was lost (connection dropped, timeout): PCO may or may not
 * have created the record. The engine keeps the create intent open and, on the next run, looks for
 * the record before creating again.
 */
public final class PcoOutcomeUnknownException extends PcoPortException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which create
   * @param cause nullable
   */
  public PcoOutcomeUnknownException(String message, Throwable cause) {
    super(ErrorCode.PCO_UNAVAILABLE, message, cause);
  }
}
