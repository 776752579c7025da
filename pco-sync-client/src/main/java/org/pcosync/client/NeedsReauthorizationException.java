package org.pcosync.client;

/**
 * The OAuth grant is gone: PCO rejected the refresh token ({@code invalid_grant}: revoked or
 * expired), or the client has no tokens yet. The host must send the user through the OAuth
 * "connect" flow again ({@link PcoOAuth#authorizationUrl}). Immutable and thread-safe.
 */
public class NeedsReauthorizationException extends PcoClientException {
  private static final long serialVersionUID = 1L;

  public NeedsReauthorizationException(String message) {
    super(message);
  }

  public NeedsReauthorizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
