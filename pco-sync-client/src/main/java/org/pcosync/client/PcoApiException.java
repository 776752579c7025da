package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PCO answered a request with an HTTP error status (4xx/5xx) after all applicable retries.
 *
 * <p>Carries the status, the request ({@code method} and {@code path}, never credentials) and the
 * JSON:API {@link #errors()} when the body had any; HTML or empty error bodies (PCO answers a bad
 * token with {@code text/html "HTTP Basic: Access denied."}) give an empty list and a short
 * {@link #bodySnippet()}. Use the predicates ({@link #isNotFound()}, {@link #isValidation()}, …)
 * rather than comparing numbers.
 *
 * <pre>{@code
 * try {
 *   client.people().update(id, attrs);
 * } catch (PcoApiException e) {
 *   if (e.isValidation()) e.errors().forEach(err -> log.warn(err.describe()));
 *   else throw e;
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public class PcoApiException extends PcoClientException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final List<PcoError> errors;
  private final String bodySnippet;

  public PcoApiException(
      int status, String method, String path, List<PcoError> errors, @Nullable String bodySnippet) {
    super(message(status, method, path, errors, bodySnippet));
    this.status = status;
    this.method = requireNonNull(method, "method == null");
    this.path = requireNonNull(path, "path == null");
    this.errors = List.copyOf(errors);
    this.bodySnippet = bodySnippet == null ? "" : bodySnippet;
  }

  private static String message(
      int status, String method, String path, List<PcoError> errors, @Nullable String body) {
    StringBuilder sb = new StringBuilder();
    sb.append("PCO ").append(method).append(' ').append(path).append(" failed: HTTP ").append(status);
    if (!errors.isEmpty()) {
      sb.append(" - ");
      for (int i = 0; i < errors.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(errors.get(i).describe());
      }
    } else if (body != null && !body.isBlank()) {
      sb.append(" - ").append(body.strip());
    }
    return sb.toString();
  }

  /** HTTP status code, e.g. 422. */
  public int status() {
    return status;
  }

  /** HTTP method of the failed request, e.g. {@code PATCH}. */
  public String method() {
    return method;
  }

  /** Path (and query) of the failed request, e.g. {@code /people/v2/people/1}. */
  public String path() {
    return path;
  }

  /** The JSON:API errors of the body; empty when the body was not JSON:API (HTML, empty). */
  public List<PcoError> errors() {
    return errors;
  }

  /** The first 200 characters of a non-JSON:API body, else empty. */
  public String bodySnippet() {
    return bodySnippet;
  }

  /** 400 Bad Request. */
  public boolean isBadRequest() {
    return status == 400;
  }

  /** 401: bad credentials or expired/revoked token. */
  public boolean isUnauthorized() {
    return status == 401;
  }

  /** 403: the user lacks permission for this resource. */
  public boolean isForbidden() {
    return status == 403;
  }

  /** 404: no such resource (or PUT, which PCO does not support). */
  public boolean isNotFound() {
    return status == 404;
  }

  /** 409 Conflict (e.g. concurrent duplicate creates). */
  public boolean isConflict() {
    return status == 409;
  }

  /** 422: validation failed; see {@link PcoError#sourcePointer()} for the field. */
  public boolean isValidation() {
    return status == 422;
  }

  /** 429: rate limit exceeded (see {@link RateLimitedException}). */
  public boolean isRateLimited() {
    return status == 429;
  }

  /** 5xx: PCO failed or is in maintenance. */
  public boolean isServerError() {
    return status >= 500 && status <= 599;
  }
}
