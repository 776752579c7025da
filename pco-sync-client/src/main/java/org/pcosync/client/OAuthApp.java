package org.pcosync.client;

import static java.util.Objects.requireNonNull;

/**
 * The registered OAuth application (from PCO's developer account): client id, secret and the
 * redirect URI registered for it. {@link #toString()} redacts the secret. Immutable and
 * thread-safe.
 */
public record OAuthApp(String clientId, String clientSecret, String redirectUri) {
  public OAuthApp {
    requireNonNull(clientId, "clientId == null");
    requireNonNull(clientSecret, "clientSecret == null");
    requireNonNull(redirectUri, "redirectUri == null");
  }

  @Override
  public String toString() {
    return "OAuthApp[clientId=" + clientId + ", clientSecret=<redacted>, redirectUri=" + redirectUri + "]";
  }
}
