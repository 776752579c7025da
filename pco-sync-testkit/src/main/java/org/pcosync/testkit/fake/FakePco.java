package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.internal.OAuthServer;
import org.pcosync.testkit.fake.internal.PeopleApi;
import org.pcosync.testkit.fake.internal.RateLimiter;
import org.pcosync.testkit.fake.internal.Router;
import org.pcosync.testkit.fake.internal.ServicesApi;
import org.pcosync.testkit.fake.internal.Store;

/**
 * A stateful fake of Planning Center Online (People v2, Services v2, the upload host and the OAuth
 * token endpoint) over real HTTP on 127.0.0.1, speaking raw JSON:API the way the recorded API does,
 * with PCO's rate limit on a virtual clock, scriptable faults and a request log.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.create();
 * try (FakePco pco = FakePco.builder().clock(clock).credentials("app", "secret").build().start()) {
 *   String id = pco.people().addPerson(PersonSeed.builder("Zoë", "Nguyễn").email("zoe@example.com").build());
 *   // point the client at pco.baseUrl() with HTTP Basic app:secret and sleeper clock::advance
 *   assertThat(pco.countBy("POST")).isZero();
 * }
 * }</pre>
 *
 * <p>People responses follow {@code X-PCO-API-Version} (2018-08-01 shapes: {@code street}, gender
 * M/F; 2023-03-21+: {@code street_line_1/2}); the default is {@link Builder#defaultPeopleVersion}.
 * Thread-safe; share one instance per test.
 */
public final class FakePco implements AutoCloseable {
  /** Path prefix of the upload host on the same server ({@code POST {uploadBaseUrl}/v2/files}). */
  public static final String UPLOAD_PREFIX = "/upload";
  /** Requests with an {@code offset} above this get the stricter high-offset limit. */
  public static final int HIGH_OFFSET = 30_000;

  private final MutableClock clock;
  private final String appId;
  private final String secret;
  private final int requestedPort;
  private final String defaultPeopleVersion;
  private volatile int highOffsetLimit;
  private final Store store;
  private final RateLimiter rateLimiter;
  private final Faults faults = new Faults();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final FakePeople people;
  private final FakeServices services;
  private final OAuthServer oauthServer;
  private final FakeOAuth oauth;
  private final Router router = new Router();
  private HttpServer server;
  private ExecutorService executor;

  private FakePco(Builder b) {
    this.clock = b.clock == null ? MutableClock.create() : b.clock;
    this.appId = b.appId;
    this.secret = b.secret;
    this.requestedPort = b.port;
    this.defaultPeopleVersion = b.defaultPeopleVersion;
    this.highOffsetLimit = b.highOffsetLimit;
    this.store = new Store(clock, b.seed);
    this.store.tagChangesBumpUpdatedAt = b.tagChangesBumpUpdatedAt;
    this.rateLimiter = new RateLimiter(clock, b.rateLimit, b.ratePeriod, b.rateLimited);
    PeopleApi peopleApi = new PeopleApi(store);
    peopleApi.register(router);
    new ServicesApi(store).register(router);
    this.people = new FakePeople(store, peopleApi);
    this.services = new FakeServices(store);
    String oauthId = b.oauthClientId == null ? appId : b.oauthClientId;
    String oauthSecret = b.oauthClientSecret == null ? secret : b.oauthClientSecret;
    this.oauthServer = new OAuthServer(store, oauthId, oauthSecret);
    this.oauth = new FakeOAuth(store, oauthServer, oauthId);
  }

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  /** Starts a builder: clock {@link MutableClock#create()}, credentials {@code demo}/{@code demo}, 100 requests per 20 s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds 127.0.0.1 and starts serving; returns this. Idempotent.
   *
   * <p>Unless the JVM was started with {@code -Dsun.net.httpserver.nodelay=...}, this turns the
   * JDK server's TCP_NODELAY on (a JVM-wide setting the JDK reads once): with Nagle's algorithm on,
   * every exchange on loopback waits ~40 ms for a delayed ACK, which the real PCO does not make
   * clients wait (measured in BENCHMARKS.md: 73 s vs 5 s for a 500-person first sync).
   */
  public synchronized FakePco start() {
    if (server != null) {
      return this;
    }
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
    }
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-pco-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    store.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", new FakeServer(this));
    server.start();
    return this;
  }

  /** Stops the server at once. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("FakePco not started: call start()");
    }
  }

  /** {@code http://127.0.0.1:port}: the API base URL (paths {@code /people/v2/...}, {@code /services/v2/...}). */
  public String baseUrl() {
    requireStarted();
    return store.baseUrl;
  }

  /** The upload host's base URL; files go to {@code POST {uploadBaseUrl}/v2/files}. */
  public String uploadBaseUrl() {
    return baseUrl() + UPLOAD_PREFIX;
  }

  /** The bound port. */
  public int port() {
    requireStarted();
    return server.getAddress().getPort();
  }

  /** The virtual clock all timestamps, rate-limit windows and expiries use. */
  public MutableClock clock() {
    return clock;
  }

  /** The HTTP Basic application id the fake accepts. */
  public String appId() {
    return appId;
  }

  /** The HTTP Basic secret the fake accepts. */
  public String secret() {
    return secret;
  }

  /** People data: seeding, snapshots, edits, merges. */
  public FakePeople people() {
    return people;
  }

  /** Services data: people and permissions, tags, email templates, welcome emails. */
  public FakeServices services() {
    return services;
  }

  /** OAuth codes and tokens. */
  public FakeOAuth oauth() {
    return oauth;
  }

  /** Scripted faults. */
  public Faults faults() {
    return faults;
  }

  /** Every request received so far, in arrival order (a copy). */
  public List<RecordedRequest> requests() {
    return new ArrayList<>(requests);
  }

  /**
   * The recorded requests with {@code method} ({@code "*"} for any, case-insensitive) whose path fully
   * matches {@code pathRegex}, in arrival order.
   */
  public List<RecordedRequest> requests(String method, String pathRegex) {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(pathRegex);
    return requests.stream()
        .filter(r -> method.equals("*") || r.method().equalsIgnoreCase(method))
        .filter(r -> p.matcher(r.path()).matches())
        .collect(Collectors.toList());
  }

  /** How many requests used {@code method} (case-insensitive). */
  public long countBy(String method) {
    String m = method.toUpperCase(Locale.ROOT);
    return requests.stream().filter(r -> r.method().equals(m)).count();
  }

  /** The POST, PATCH and DELETE requests, in order. */
  public List<RecordedRequest> writes() {
    return requests.stream().filter(RecordedRequest::isWrite).collect(Collectors.toList());
  }

  /** Shortcut for {@code people().generatePeople(n, seed)}: adds {@code n} realistic people; returns their ids. */
  public List<String> generatePeople(int n, long seed) {
    return people.generatePeople(n, seed);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  /** Changes the rate limit mid-run (and turns it on); the current window's count is kept. */
  public void setRateLimit(int limit, Duration period) {
    requireNonNull(period, "period == null");
    rateLimiter.set(limit, period);
  }

  /**
   * Sets the limit for requests whose {@code offset} is above {@value #HIGH_OFFSET} (PCO documents 75
   * per period; 10 has been seen); it applies only while the rate limit is on.
   */
  public void setHighOffsetRateLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    this.highOffsetLimit = limit;
  }

  int highOffsetLimit() {
    return highOffsetLimit;
  }

  /** Turns the rate limit off. */
  public void noRateLimit() {
    rateLimiter.disable();
  }

  // ---- package-private plumbing for FakeServer

  Store store() {
    return store;
  }

  Router router() {
    return router;
  }

  RateLimiter rateLimiter() {
    return rateLimiter;
  }

  OAuthServer oauthServer() {
    return oauthServer;
  }

  String defaultPeopleVersion() {
    return defaultPeopleVersion;
  }

  void record(RecordedRequest r) {
    requests.add(r);
  }

  @Override
  public String toString() {
    return "FakePco[" + (server == null ? "stopped" : store.baseUrl) + "]";
  }

  /** Configures a {@link FakePco}. Not thread-safe. */
  public static final class Builder {
    private MutableClock clock;
    private String appId = "demo";
    private String secret = "demo";
    private String oauthClientId;
    private String oauthClientSecret;
    private int rateLimit = 100;
    private Duration ratePeriod = Duration.ofSeconds(20);
    private boolean rateLimited = true;
    private long seed = 1;
    private boolean tagChangesBumpUpdatedAt;
    private int port;
    private String defaultPeopleVersion = "2023-03-21";
    private int highOffsetLimit = 75;

    private Builder() {}

    /** The virtual clock (default: a new {@link MutableClock}). */
    public Builder clock(MutableClock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** The Personal Access Token the fake accepts as HTTP Basic (default {@code demo}/{@code demo}). */
    public Builder credentials(String appId, String secret) {
      this.appId = requireNonNull(appId, "appId == null");
      this.secret = requireNonNull(secret, "secret == null");
      return this;
    }

    /** The OAuth client accepted by {@code /oauth/token} (default: the same as {@link #credentials}). */
    public Builder oauthClient(String clientId, String clientSecret) {
      this.oauthClientId = requireNonNull(clientId, "clientId == null");
      this.oauthClientSecret = requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /** {@code limit} requests per {@code period} per user, on the virtual clock (default 100 per 20 s). */
    public Builder rateLimit(int limit, Duration period) {
      requireNonNull(period, "period == null");
      if (limit < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("limit must be >= 1 and period > 0");
      }
      this.rateLimit = limit;
      this.ratePeriod = period;
      this.rateLimited = true;
      return this;
    }

    /** The limit for requests with an {@code offset} above {@value FakePco#HIGH_OFFSET} (default 75). */
    public Builder highOffsetRateLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit < 1: " + limit);
      }
      this.highOffsetLimit = limit;
      return this;
    }

    /** No rate limit. */
    public Builder noRateLimit() {
      this.rateLimited = false;
      return this;
    }

    /** Seed of the fake's own randomness (ids of uploads, tokens). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether {@code assign_tags} bumps the Services person's {@code updated_at} (unconfirmed in PCO; default false). */
    public Builder tagChangesBumpUpdatedAt(boolean bump) {
      this.tagChangesBumpUpdatedAt = bump;
      return this;
    }

    /** The port to bind (default 0: any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The People version used when a request sends no {@code X-PCO-API-Version} (default 2023-03-21). */
    public Builder defaultPeopleVersion(String version) {
      this.defaultPeopleVersion = requireNonNull(version, "version == null");
      return this;
    }

    public FakePco build() {
      return new FakePco(this);
    }
  }
}
