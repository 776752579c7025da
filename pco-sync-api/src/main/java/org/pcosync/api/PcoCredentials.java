package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * How an account authenticates to PCO. Secrets never appear in {@code toString}, {@code equals}
 * or {@code hashCode}. Immutable and thread-safe.
 */
public sealed interface PcoCredentials {

  /** Returns a Personal Access Token credential (HTTP Basic), for one church's own use. */
  static PcoCredentials personalAccessToken(String applicationId, String secret) {
    return new PersonalAccessToken(applicationId, secret);
  }

  /**
   * A Personal Access Token: application id and secret, sent as HTTP Basic.
   *
   * @param applicationId the token's application id
   * @param secret the token's secret; never shown
   */
  record PersonalAccessToken(String applicationId, String secret) implements PcoCredentials {
    /** Validates the components. */
    public PersonalAccessToken {
      HostPerson.requireNonBlank(applicationId, "applicationId");
      HostPerson.requireNonBlank(secret, "secret");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PersonalAccessToken p && p.applicationId.equals(applicationId);
    }

    @Override
    public int hashCode() {
      return applicationId.hashCode();
    }

    @Override
    public String toString() {
      return "PersonalAccessToken[applicationId=" + applicationId + ", secret=██]";
    }
  }

  /**
   * OAuth 2 tokens of a vendor application for one organisation. The engine refreshes them before
   * expiry and hands rotated tokens back to the host (see the core's token listener).
   *
   * @param clientId the OAuth application's client id
   * @param clientSecret the OAuth application's secret; never shown
   * @param accessToken the current access token; never shown
   * @param refreshToken the current refresh token; never shown
   * @param expiresAt when the access token expires
   */
  record OAuth(String clientId, String clientSecret, String accessToken, String refreshToken, Instant expiresAt)
      implements PcoCredentials {
    /** Validates the components. */
    public OAuth {
      HostPerson.requireNonBlank(clientId, "clientId");
      HostPerson.requireNonBlank(clientSecret, "clientSecret");
      HostPerson.requireNonBlank(accessToken, "accessToken");
      HostPerson.requireNonBlank(refreshToken, "refreshToken");
      requireNonNull(expiresAt, "expiresAt == null");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OAuth p && p.clientId.equals(clientId);
    }

    @Override
    public int hashCode() {
      return clientId.hashCode();
    }

    @Override
    public String toString() {
      return "OAuth[clientId=" + clientId + ", expiresAt=" + expiresAt + ", secrets=██]";
    }
  }
}
