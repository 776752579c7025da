package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * PCO's OAuth 2 token endpoint ({@code POST /oauth/token}): authorization-code exchange and refresh,
 * access tokens valid two hours on the virtual clock, refresh tokens rotated on use.
 * Guarded by the {@link Store} lock.
 */
public final class OAuthServer {
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(2);

  private record Token(String access, String refresh, String scope, Instant expiresAt) {}

  private final Store store;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, String> codes = new HashMap<>();
  private final Map<String, Token> byAccess = new HashMap<>();
  private final Map<String, Token> byRefresh = new HashMap<>();

  public OAuthServer(Store store, String clientId, String clientSecret) {
    this.store = store;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** A one-time authorization code, as PCO's consent screen would hand to the redirect URI. */
  public String issueCode(String scope) {
    String code = randomToken();
    codes.put(code, scope);
    return code;
  }

  public boolean validAccessToken(String token) {
    Token t = byAccess.get(token);
    return t != null && store.now().isBefore(t.expiresAt());
  }

  /** Revokes every token, as when a user disconnects the app. */
  public void revokeAll() {
    byAccess.clear();
    byRefresh.clear();
  }

  private String randomToken() {
    return new UUID(store.random.nextLong(), store.random.nextLong()).toString().replace("-", "")
        + Long.toHexString(store.random.nextLong());
  }

  public ApiResponse token(ApiRequest req, String basicUser, String basicSecret) {
    Map<String, String> form = new HashMap<>();
    if (req.contentType != null && req.contentType.contains("json")) {
      try {
        JsonNode n = Json.parse(req.body);
        n.properties().forEach(e -> form.put(e.getKey(), e.getValue().asText()));
      } catch (IllegalArgumentException e) {
        return error(400, "invalid_request", "The request body is not valid JSON.");
      }
    } else {
      ApiRequest.parseQuery(req.body).forEach((k, v) -> form.put(k, v.get(0)));
    }
    String id = form.getOrDefault("client_id", basicUser);
    String secret = form.getOrDefault("client_secret", basicSecret);
    if (!clientId.equals(id) || !clientSecret.equals(secret)) {
      return error(401, "invalid_client", "Client authentication failed due to unknown client, no client"
          + " authentication included, or unsupported authentication method.");
    }
    String grant = form.get("grant_type");
    String scope;
    if ("authorization_code".equals(grant)) {
      scope = codes.remove(form.getOrDefault("code", ""));
      if (scope == null) {
        return invalidGrant();
      }
    } else if ("refresh_token".equals(grant)) {
      Token old = byRefresh.remove(form.getOrDefault("refresh_token", ""));
      if (old == null) {
        return invalidGrant();
      }
      byAccess.remove(old.access());
      scope = old.scope();
    } else {
      return error(400, "unsupported_grant_type", "The authorization grant type is not supported by the"
          + " authorization server.");
    }
    Token t = new Token(randomToken(), randomToken(), scope, store.now().plus(ACCESS_TOKEN_LIFETIME));
    byAccess.put(t.access(), t);
    byRefresh.put(t.refresh(), t);
    ObjectNode body = Json.object();
    body.put("access_token", t.access());
    body.put("token_type", "bearer");
    body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
    body.put("refresh_token", t.refresh());
    body.put("scope", scope);
    body.put("created_at", store.now().getEpochSecond());
    return ApiResponse.json(200, body);
  }

  private static ApiResponse invalidGrant() {
    return error(400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not"
        + " match the redirection URI used in the authorization request, or was issued to another client.");
  }

  private static ApiResponse error(int status, String code, String description) {
    ObjectNode body = Json.object();
    body.put("error", code);
    body.put("error_description", description);
    return ApiResponse.json(status, body);
  }
}
