package org.pcosync.api;

import static java.util.Objects.requireNonNull;

/**
 * The root of every exception pco-sync throws. Unchecked; carries an {@link ErrorCode}.
 */
public class PcoSyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * @param code what went wrong
   * @param message a sentence for an admin, naming the person and field where there is one
   */
  public PcoSyncException(ErrorCode code, String message) {
    super(message);
    this.code = requireNonNull(code, "code == null");
  }

  /**
   * @param code what went wrong
   * @param message a sentence for an admin
   * @param cause the underlying failure, nullable
   */
  public PcoSyncException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code == null");
  }

  /** Returns what went wrong. */
  public ErrorCode code() {
    return code;
  }
}
