package org.pcosync.client;

/**
 * No usable HTTP answer: timeout, connection reset, refused connection, after retries.
 *
 * <p>When {@link #outcomeUnknown()} is true the request was a non-idempotent write (a POST create)
 * that may or may not have taken effect on PCO: it is never retried blindly. Check whether the
 * record exists (for example search by email) before sending it again. Immutable and thread-safe.
 */
public class PcoConnectionException extends PcoClientException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final boolean outcomeUnknown;

  public PcoConnectionException(
      String method, String path, boolean outcomeUnknown, Throwable cause) {
    super(
        "PCO "
            + method
            + " "
            + path
            + (outcomeUnknown ? " outcome unknown (not retried): " : " failed: ")
            + cause,
        cause);
    this.method = method;
    this.path = path;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** Path (and query) of the failed request. */
  public String path() {
    return path;
  }

  /** True when a write may have reached PCO; the caller must check before retrying it. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
