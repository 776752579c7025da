package org.pcosync.core.port;

import org.pcosync.api.ErrorCode;

/**
 * PCO refused a request (a 4xx other than 401/403/429, typically a 422 validation error). The
 * engine stores a rejected write on the link and does not resend it while the host value stays the
 * same.
 */
public final class PcoRejectedException extends PcoPortException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;
  private final String reason;

  /**
   * @param status the HTTP status, e.g. 422
   * @param field PCO's attribute name the error names ({@code source.parameter}, e.g. "address");
   *     nullable when PCO did not name one
   * @param reason PCO's explanation, e.g. "is invalid"
   */
  public PcoRejectedException(int status, String field, String reason) {
    this(status, field, reason, null);
  }

  /**
   * @param status the HTTP status
   * @param field nullable
   * @param reason PCO's explanation
   * @param cause nullable
   */
  public PcoRejectedException(int status, String field, String reason, Throwable cause) {
    super(ErrorCode.PCO_REJECTED,
        "PCO rejected the request (" + status + (field == null ? "" : ", " + field) + "): " + reason, cause);
    this.status = status;
    this.field = field;
    this.reason = reason == null ? "rejected" : reason;
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the PCO attribute PCO named; nullable. */
  public String field() {
    return field;
  }

  /** Returns PCO's reason. */
  public String reason() {
    return reason;
  }
}
