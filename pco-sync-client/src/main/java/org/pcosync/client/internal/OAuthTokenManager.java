package org.pcosync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.NeedsReauthorizationException;
import org.pcosync.client.OAuthApp;
import org.pcosync.client.OAuthTokens;
import org.pcosync.client.PcoApiException;
import org.pcosync.client.TokenListener;

/**
 * Holds one account's OAuth tokens: refreshes them shortly before expiry and once after a 401,
 * exchanges authorization codes, hands every new token pair to the host's {@link TokenListener},
 * and turns {@code invalid_grant} into {@link NeedsReauthorizationException}. Thread-safe: refreshes
 * are serialised, so concurrent requests never spend the same refresh token twice.
 */
public final class OAuthTokenManager implements Authorizer {
  /** Refresh this long before the access token expires. */
  static final Duration SKEW = Duration.ofMinutes(2);

  private final OAuthApp app;
  private final TokenListener listener;
  private final Transport transport;
  private volatile @Nullable OAuthTokens tokens;

  public OAuthTokenManager(
      OAuthApp app, @Nullable OAuthTokens initial, TokenListener listener, Transport transport) {
    this.app = app;
    this.tokens = initial;
    this.listener = listener;
    this.transport = transport;
  }

  public OAuthApp app() {
    return app;
  }

  public @Nullable OAuthTokens tokens() {
    return tokens;
  }

  @Override
  public String authorization() {
    OAuthTokens t = tokens;
    if (t == null) {
      throw new NeedsReauthorizationException("not connected: exchange an authorization code first");
    }
    if (!transport.clock().instant().isBefore(t.expiresAt().minus(SKEW))) {
      t = refreshIfStillCurrent(t.accessToken());
    }
    return "Bearer " + t.accessToken();
  }

  @Override
  public boolean refreshAfterUnauthorized(@Nullable String used) {
    if (tokens == null || used == null || !used.startsWith("Bearer ")) {
      return false;
    }
    refreshIfStillCurrent(used.substring("Bearer ".length()));
    return true;
  }

  private synchronized OAuthTokens refreshIfStillCurrent(String staleAccessToken) {
    OAuthTokens t = tokens;
    if (t == null) {
      throw new NeedsReauthorizationException("not connected");
    }
    if (!t.accessToken().equals(staleAccessToken)) {
      return t; // another thread refreshed meanwhile
    }
    return refresh();
  }

  /** Uses the refresh token now. */
  public synchronized OAuthTokens refresh() {
    OAuthTokens t = tokens;
    if (t == null) {
      throw new NeedsReauthorizationException("not connected");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", t.refreshToken());
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    return store(tokenRequest(form, t.refreshToken()));
  }

  /** Exchanges an authorization code from the redirect for tokens. */
  public synchronized OAuthTokens exchangeCode(String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    form.put("redirect_uri", app.redirectUri());
    return store(tokenRequest(form, null));
  }

  private OAuthTokens store(OAuthTokens t) {
    tokens = t;
    listener.onTokens(t);
    return t;
  }

  private OAuthTokens tokenRequest(Map<String, String> form, @Nullable String previousRefresh) {
    HttpResult r = transport.postForm(transport.url("oauth/token", Map.of()), form);
    if (r.status() >= 400) {
      PcoApiException e = transport.apiError(r, null);
      boolean invalidGrant =
          e.errors().stream().anyMatch(x -> "invalid_grant".equals(x.code()))
              || r.bodyText().contains("invalid_grant");
      if (invalidGrant) {
        tokens = null;
        throw new NeedsReauthorizationException(
            "PCO rejected the OAuth grant (revoked or expired); the user must connect again", e);
      }
      throw e;
    }
    JsonNode n = transport.readTree(r);
    String access = Json.str(n, "access_token");
    String refresh = Json.str(n, "refresh_token");
    Long expiresIn = Json.lng(n, "expires_in");
    if (access == null) {
      throw new org.pcosync.client.PcoParseException(r.method(), r.path(), "no access_token", null);
    }
    if (refresh == null) {
      refresh = previousRefresh;
    }
    if (refresh == null) {
      throw new org.pcosync.client.PcoParseException(r.method(), r.path(), "no refresh_token", null);
    }
    Instant expiresAt =
        transport.clock().instant().plusSeconds(expiresIn == null ? 7200 : expiresIn);
    return new OAuthTokens(access, refresh, expiresAt, Json.str(n, "scope"));
  }
}
