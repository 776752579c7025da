package org.pcosync.core.port;

import org.pcosync.api.ErrorCode;
import org.pcosync.api.PcoSyncException;

/**
 * A PCO port call failed. The engine tells three outcomes apart: {@link PcoRejectedException} (PCO
 * refused the write; resending the same value is pointless), {@link PcoUnavailableException} (PCO
 * failed or was unreachable; retry on the next run) and {@link PcoOutcomeUnknownException} (a create
 * whose response was lost: it may have happened).
 */
public abstract class PcoPortException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code what went wrong
   * @param message for an admin
   * @param cause nullable
   */
  protected PcoPortException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
