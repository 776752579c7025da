package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.internal.Authorizer;
import org.pcosync.client.internal.Context;
import org.pcosync.client.internal.OAuthTokenManager;
import org.pcosync.client.internal.Transport;

/**
 * A typed, rate-aware client for Planning Center Online (People v2, Services v2, Webhooks v2), for
 * one PCO account.
 *
 * <pre>{@code
 * PcoClient client = PcoClient.builder()
 *     .personalAccessToken(appId, secret)
 *     .build();
 * try (Stream<PcoPerson> people = client.people().stream(PeopleQuery.all())) {
 *   people.forEach(p -> System.out.println(p.name() + " " + p.emails()));
 * }
 * }</pre>
 *
 * <p>Every request goes through one per-client pacer fed by PCO's {@code
 * X-PCO-API-Request-Rate-*} headers, at most {@link Builder#maxConcurrency} requests are in flight,
 * 429s wait {@code Retry-After}, and idempotent requests are retried with back-off on 5xx and
 * connection failures. Errors are unchecked {@link PcoClientException}s.
 *
 * <p>Immutable and thread-safe: build one per PCO account and share it (the rate limit is per
 * account, so two clients for one account would each think they own the budget).
 */
public final class PcoClient {
  /** The real API. */
  public static final String DEFAULT_BASE_URL = "https://api.planningcenteronline.com";
  /** PCO's file upload host. */
  public static final String DEFAULT_UPLOAD_URL = "https://upload.planningcenteronline.com";
  public static final String DEFAULT_PEOPLE_VERSION = "2023-03-21";
  public static final String DEFAULT_SERVICES_VERSION = "2018-11-01";
  public static final String DEFAULT_WEBHOOKS_VERSION = "2022-10-20";

  private final Builder config;
  private final PcoPeople people;
  private final PcoServices services;
  private final PcoWebhooks webhooks;
  private final @Nullable PcoOAuth oauth;

  private PcoClient(Builder b) {
    this.config = b.copy();
    HttpUrl base = checkedUrl(b.baseUrl, "baseUrl");
    HttpUrl upload = checkedUrl(b.uploadBaseUrl, "uploadBaseUrl");
    Random random = b.jitterSeed == null ? new SecureRandom() : new Random(b.jitterSeed);
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Transport transport =
        new Transport(
            new Transport.Config(
                base,
                upload,
                b.okHttpClient == null ? new OkHttpClient() : b.okHttpClient,
                b.clock,
                b.sleeper,
                random,
                b.maxConcurrency,
                b.maxRetries,
                b.maxRetryAfter,
                b.backoffBase,
                Duration.ofSeconds(30),
                b.listener),
            mapper);
    if (b.oauthApp != null) {
      OAuthTokenManager manager =
          new OAuthTokenManager(b.oauthApp, b.oauthTokens, b.tokenListener, transport);
      transport.authorizer(manager);
      this.oauth = new PcoOAuth(manager, base);
    } else {
      transport.authorizer(Authorizer.basic(b.applicationId, b.secret));
      this.oauth = null;
    }
    Context ctx = new Context(transport, b.peopleVersion, b.servicesVersion, b.webhooksVersion);
    this.people = new PcoPeople(ctx);
    this.services = new PcoServices(ctx, people);
    this.webhooks = new PcoWebhooks(ctx);
  }

  private static HttpUrl checkedUrl(String url, String what) {
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      throw new IllegalArgumentException(what + " is not an http(s) URL: " + url);
    }
    if (!u.isHttps() && !isLoopback(u.host())) {
      throw new IllegalArgumentException(what + " must use https (plain http only on loopback): " + url);
    }
    return u;
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    // only IP literals are resolved here: never a DNS lookup
    if (host.matches("[0-9.]+") || host.contains(":")) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** A builder with the defaults: real API, pinned versions, system clock, real sleeping. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's configuration, e.g. to change one setting. For OAuth it carries
   * the client's <em>current</em> tokens (PCO rotates refresh tokens, so the initial ones may be
   * spent). Do not use both clients for the same account afterwards: each paces on its own.
   */
  public Builder newBuilder() {
    Builder b = config.copy();
    if (oauth != null) {
      b.oauthTokens = oauth.currentTokens().orElse(null);
    }
    return b;
  }

  /** People v2. */
  public PcoPeople people() {
    return people;
  }

  /** Services v2. */
  public PcoServices services() {
    return services;
  }

  /** Webhooks v2 (subscriptions, delivery parsing). */
  public PcoWebhooks webhooks() {
    return webhooks;
  }

  /**
   * The OAuth flow and tokens.
   *
   * @throws IllegalStateException when the client uses a Personal Access Token
   */
  public PcoOAuth oauth() {
    if (oauth == null) {
      throw new IllegalStateException("this client uses a Personal Access Token, not OAuth");
    }
    return oauth;
  }

  @Override
  public String toString() {
    return "PcoClient[" + config.baseUrl + ", " + (oauth == null ? "PAT " + config.applicationId : "OAuth") + "]";
  }

  /**
   * Configures a {@link PcoClient}. Exactly one of {@link #personalAccessToken} or {@link #oauth}
   * is required. Not thread-safe.
   */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String uploadBaseUrl = DEFAULT_UPLOAD_URL;
    private @Nullable String applicationId;
    private @Nullable String secret;
    private @Nullable OAuthApp oauthApp;
    private @Nullable OAuthTokens oauthTokens;
    private TokenListener tokenListener = TokenListener.none();
    private String peopleVersion = DEFAULT_PEOPLE_VERSION;
    private String servicesVersion = DEFAULT_SERVICES_VERSION;
    private String webhooksVersion = DEFAULT_WEBHOOKS_VERSION;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private @Nullable Long jitterSeed;
    private int maxConcurrency = 4;
    private int maxRetries = 5;
    private Duration maxRetryAfter = Duration.ofSeconds(120);
    private Duration backoffBase = Duration.ofMillis(500);
    private @Nullable OkHttpClient okHttpClient;
    private PcoClientListener listener = PcoClientListener.none();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.uploadBaseUrl = uploadBaseUrl;
      b.applicationId = applicationId;
      b.secret = secret;
      b.oauthApp = oauthApp;
      b.oauthTokens = oauthTokens;
      b.tokenListener = tokenListener;
      b.peopleVersion = peopleVersion;
      b.servicesVersion = servicesVersion;
      b.webhooksVersion = webhooksVersion;
      b.clock = clock;
      b.sleeper = sleeper;
      b.jitterSeed = jitterSeed;
      b.maxConcurrency = maxConcurrency;
      b.maxRetries = maxRetries;
      b.maxRetryAfter = maxRetryAfter;
      b.backoffBase = backoffBase;
      b.okHttpClient = okHttpClient;
      b.listener = listener;
      return b;
    }

    /** API root (default {@value PcoClient#DEFAULT_BASE_URL}); https unless loopback. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** Upload host root (default {@value PcoClient#DEFAULT_UPLOAD_URL}); https unless loopback. */
    public Builder uploadBaseUrl(String uploadBaseUrl) {
      this.uploadBaseUrl = requireNonNull(uploadBaseUrl, "uploadBaseUrl == null");
      return this;
    }

    /** HTTP Basic with a Personal Access Token (one church only; PCO forbids PATs for vendors). */
    public Builder personalAccessToken(String applicationId, String secret) {
      this.applicationId = requireNonNull(applicationId, "applicationId == null");
      this.secret = requireNonNull(secret, "secret == null");
      this.oauthApp = null;
      return this;
    }

    /**
     * OAuth 2 for this account.
     *
     * @param tokens the stored tokens, or null when the account is not connected yet (call {@link
     *     PcoOAuth#exchangeCode} first)
     * @param listener receives every new token pair (store the rotated refresh token)
     */
    public Builder oauth(OAuthApp app, @Nullable OAuthTokens tokens, TokenListener listener) {
      this.oauthApp = requireNonNull(app, "app == null");
      this.oauthTokens = tokens;
      this.tokenListener = requireNonNull(listener, "listener == null");
      this.applicationId = null;
      this.secret = null;
      return this;
    }

    /** {@code X-PCO-API-Version} for People (default {@value PcoClient#DEFAULT_PEOPLE_VERSION}). */
    public Builder peopleVersion(String version) {
      this.peopleVersion = requireNonNull(version, "version == null");
      return this;
    }

    /** {@code X-PCO-API-Version} for Services (default {@value PcoClient#DEFAULT_SERVICES_VERSION}). */
    public Builder servicesVersion(String version) {
      this.servicesVersion = requireNonNull(version, "version == null");
      return this;
    }

    /** {@code X-PCO-API-Version} for Webhooks (default {@value PcoClient#DEFAULT_WEBHOOKS_VERSION}). */
    public Builder webhooksVersion(String version) {
      this.webhooksVersion = requireNonNull(version, "version == null");
      return this;
    }

    /** Time source for pacing and token expiry (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** How the client waits (default {@link Sleeper#system()}); tests pass a virtual sleeper. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Seed for retry jitter (default: unseeded secure random). */
    public Builder jitterSeed(long seed) {
      this.jitterSeed = seed;
      return this;
    }

    /** Requests in flight at once for this account (default 4). */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** Retries per request after 429, 5xx or connection failures (default 5; 0 disables). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Upper clamp for {@code Retry-After} (default 120 s); values below 1 s become 1 s. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = requireNonNull(maxRetryAfter, "maxRetryAfter == null");
      return this;
    }

    /** First back-off step for 5xx/connection retries (default 500 ms, doubling, capped at 30 s). */
    public Builder backoffBase(Duration backoffBase) {
      this.backoffBase = requireNonNull(backoffBase, "backoffBase == null");
      return this;
    }

    /**
     * The OkHttp client to derive from (connection pool, timeouts, proxy); the client adds its own
     * logging interceptor to a derived copy.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /** Observes requests, retries and pacing (default: none). */
    public Builder listener(PcoClientListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no credentials were configured
     * @throws IllegalArgumentException for a malformed or non-https URL
     */
    public PcoClient build() {
      if (oauthApp == null && (applicationId == null || secret == null)) {
        throw new IllegalStateException("credentials required: personalAccessToken(..) or oauth(..)");
      }
      return new PcoClient(this);
    }
  }
}
