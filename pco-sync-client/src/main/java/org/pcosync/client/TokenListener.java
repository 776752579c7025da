package org.pcosync.client;

/**
 * Receives every new {@link OAuthTokens} the client obtains (code exchange or refresh), so the host
 * can persist the rotated refresh token.
 *
 * <p>Called on the request thread that performed the exchange or refresh, while the client's
 * refresh lock is held: calls never overlap for one client. Must be fast, must not call back into
 * the client, and should not throw (an exception propagates to the request that refreshed).
 */
@FunctionalInterface
public interface TokenListener {

  void onTokens(OAuthTokens tokens);

  /** A listener that ignores tokens (only sensible in tests). */
  static TokenListener none() {
    return tokens -> {};
  }
}
