package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2 token pair for one PCO account. The host stores it (encrypted) and hands it back to
 * {@link PcoClient.Builder#oauth}; PCO rotates the refresh token on every refresh, so always store
 * the latest one received by your {@link TokenListener}. {@link #toString()} redacts both tokens.
 * Immutable and thread-safe.
 *
 * @param expiresAt when the access token expires (PCO: 2 hours after issue)
 * @param scope space-separated scopes, e.g. {@code "people services"}
 */
public record OAuthTokens(
    String accessToken, String refreshToken, Instant expiresAt, @Nullable String scope) {

  public OAuthTokens {
    requireNonNull(accessToken, "accessToken == null");
    requireNonNull(refreshToken, "refreshToken == null");
    requireNonNull(expiresAt, "expiresAt == null");
  }

  @Override
  public String toString() {
    return "OAuthTokens[accessToken=<redacted>, refreshToken=<redacted>, expiresAt=" + expiresAt
        + ", scope=" + scope + "]";
  }
}
