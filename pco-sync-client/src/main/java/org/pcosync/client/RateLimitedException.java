package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PCO kept answering 429 Too Many Requests after the client's bounded retries were exhausted.
 *
 * <p>{@link #retryAfter()} is the (clamped) wait PCO asked for on the last answer; a caller may
 * wait that long and try again. Immutable and thread-safe.
 */
public class RateLimitedException extends PcoApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(
      String method, String path, List<PcoError> errors, @Nullable String body, Duration retryAfter) {
    super(429, method, path, errors, body);
    this.retryAfter = requireNonNull(retryAfter, "retryAfter == null");
  }

  /** How long PCO asked to wait before the next request (never negative). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
