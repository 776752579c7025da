package org.pcosync.testkit.fake.internal;

/**
 * Thrown by handlers to answer with a prepared error response.
 *
 * <p>Not thread-safe (a value thrown within one request).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ApiResponse response;

  public ApiException(ApiResponse response) {
    super("HTTP " + response.status(), null, false, false);
    this.response = response;
  }

  public ApiResponse response() {
    return response;
  }
}
