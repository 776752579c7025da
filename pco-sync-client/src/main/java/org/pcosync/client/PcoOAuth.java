package org.pcosync.client;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.internal.OAuthTokenManager;

/**
 * The OAuth 2 "connect" flow and token state of a client built with {@link
 * PcoClient.Builder#oauth}. Obtain it from {@link PcoClient#oauth()}.
 *
 * <pre>{@code
 * URI go = client.oauth().authorizationUrl(List.of("people", "services"), csrfState);
 * // ... user approves, PCO redirects to your redirect URI with ?code=...
 * OAuthTokens tokens = client.oauth().exchangeCode(code);   // also sent to the TokenListener
 * }</pre>
 *
 * <p>Access tokens are refreshed automatically shortly before they expire and once after a 401;
 * every new pair goes to the {@link TokenListener}. When PCO rejects the refresh token ({@code
 * invalid_grant}) requests throw {@link NeedsReauthorizationException}. Thread-safe.
 */
public final class PcoOAuth {
  private final OAuthTokenManager tokens;
  private final HttpUrl baseUrl;

  PcoOAuth(OAuthTokenManager tokens, HttpUrl baseUrl) {
    this.tokens = tokens;
    this.baseUrl = baseUrl;
  }

  /** PCO's authorize URL for the configured app ({@code response_type=code}). */
  public URI authorizationUrl(Collection<String> scopes, @Nullable String state) {
    HttpUrl.Builder b =
        baseUrl
            .newBuilder()
            .addPathSegments("oauth/authorize")
            .addQueryParameter("client_id", tokens.app().clientId())
            .addQueryParameter("redirect_uri", tokens.app().redirectUri())
            .addQueryParameter("response_type", "code")
            .addQueryParameter("scope", String.join(" ", scopes));
    if (state != null) {
      b.addQueryParameter("state", state);
    }
    return b.build().uri();
  }

  /** Exchanges the {@code code} from the redirect ({@code POST /oauth/token}); stores the tokens. */
  public OAuthTokens exchangeCode(String code) {
    return tokens.exchangeCode(code);
  }

  /** Refreshes now, regardless of expiry. */
  public OAuthTokens refresh() {
    return tokens.refresh();
  }

  /** The current tokens, empty before the first exchange or after the grant was revoked. */
  public Optional<OAuthTokens> currentTokens() {
    return Optional.ofNullable(tokens.tokens());
  }
}
