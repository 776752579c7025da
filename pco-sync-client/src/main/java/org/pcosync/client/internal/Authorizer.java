package org.pcosync.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Produces the {@code Authorization} header for a request. Implementations are thread-safe. */
public interface Authorizer {

  /** The header value to send, e.g. {@code Basic ...} or {@code Bearer ...}. */
  String authorization();

  /**
   * Called once after a 401 to the request that carried {@code used}; returns true when new
   * credentials were obtained and the request should be retried.
   */
  default boolean refreshAfterUnauthorized(@Nullable String used) {
    return false;
  }

  /** HTTP Basic with a Personal Access Token (application id + secret). */
  static Authorizer basic(String applicationId, String secret) {
    String value =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((applicationId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return () -> value;
  }
}
