package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import org.pcosync.testkit.fake.internal.OAuthServer;
import org.pcosync.testkit.fake.internal.Store;

/**
 * The fake's OAuth 2 side: {@code POST {baseUrl}/oauth/token} exchanges codes issued here and refresh
 * tokens (rotated on use); access tokens last two hours on the fake's clock and are accepted as
 * {@code Authorization: Bearer} on every API path.
 *
 * <pre>{@code
 * String code = fake.oauth().issueAuthorizationCode("people services");
 * // client: POST /oauth/token grant_type=authorization_code&code=...&client_id=...&client_secret=...
 * }</pre>
 *
 * <p>Thread-safe; share one instance.
 */
public final class FakeOAuth {
  private final Store store;
  private final OAuthServer server;
  private final String clientId;

  FakeOAuth(Store store, OAuthServer server, String clientId) {
    this.store = store;
    this.server = server;
    this.clientId = clientId;
  }

  /** The OAuth client id the token endpoint accepts. */
  public String clientId() {
    return clientId;
  }

  /** A one-time authorization code, as PCO's consent page would redirect with. */
  public String issueAuthorizationCode(String scope) {
    requireNonNull(scope, "scope == null");
    synchronized (store) {
      return server.issueCode(scope);
    }
  }

  /** Revokes every access and refresh token (the user disconnected the app). */
  public void revokeAllTokens() {
    synchronized (store) {
      server.revokeAll();
    }
  }
}
