package org.pcosync.core.port;

import org.pcosync.api.ErrorCode;

/**
 * PCO failed (5xx) or could not be reached after the client's retries. Nothing is known to have
 * changed; the engine retries on the next run.
 */
public final class PcoUnavailableException extends PcoPortException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param cause nullable
   */
  public PcoUnavailableException(String message, Throwable cause) {
    super(ErrorCode.PCO_UNAVAILABLE, message, cause);
  }
}
