package org.pcosync.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.NeedsReauthorizationException;
import org.pcosync.client.PcoApiException;
import org.pcosync.client.PcoClientListener;
import org.pcosync.client.PcoClientException;
import org.pcosync.client.PcoConnectionException;
import org.pcosync.client.PcoError;
import org.pcosync.client.PcoParseException;
import org.pcosync.client.RateLimitedException;
import org.pcosync.client.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Executes PCO requests: authorization, pacing, bounded concurrency, retries (429 with clamped
 * {@code Retry-After}, 5xx/timeouts/connection errors for idempotent requests with exponential
 * back-off and seeded jitter), one re-authorization after a 401, and typed errors. Thread-safe.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final MediaType JSON_API = MediaType.get("application/vnd.api+json");

  /** Tunables. */
  public record Config(
      HttpUrl baseUrl,
      HttpUrl uploadUrl,
      OkHttpClient okHttpClient,
      Clock clock,
      Sleeper sleeper,
      Random random,
      int maxConcurrency,
      int maxRetries,
      Duration maxRetryAfter,
      Duration backoffBase,
      Duration backoffMax,
      PcoClientListener listener) {}

  private final Config config;
  private final PcoHttp http;
  private final ObjectMapper mapper;
  private final RatePacer pacer;
  private final Semaphore inFlight;
  private final PcoClientListener listener;
  private volatile Authorizer authorizer = () -> {
    throw new NeedsReauthorizationException("no credentials configured");
  };

  public Transport(Config config, ObjectMapper mapper) {
    this.config = config;
    this.mapper = mapper;
    OkHttpClient ok = config.okHttpClient().newBuilder().addInterceptor(new HttpLogging()).build();
    this.http =
        new Retrofit.Builder()
            .baseUrl(config.baseUrl())
            .client(ok)
            .validateEagerly(true)
            .build()
            .create(PcoHttp.class);
    this.listener = safe(config.listener());
    Sleeper sleeper = config.sleeper();
    Sleeper pacing =
        d -> {
          listener.paced(d);
          sleeper.sleep(d);
        };
    this.pacer = new RatePacer(config.clock(), pacing, 100, Duration.ofSeconds(20));
    this.inFlight = new Semaphore(config.maxConcurrency(), true);
  }

  /** A listener that logs and swallows exceptions thrown by the host's listener. */
  private static PcoClientListener safe(PcoClientListener delegate) {
    return new PcoClientListener() {
      @Override
      public void requestCompleted(String method, String path, int status) {
        try {
          delegate.requestCompleted(method, path, status);
        } catch (RuntimeException e) {
          LOG.warn("PcoClientListener.requestCompleted threw", e);
        }
      }

      @Override
      public void retrying(String method, String path, int attempt, Duration delay, String reason) {
        try {
          delegate.retrying(method, path, attempt, delay, reason);
        } catch (RuntimeException e) {
          LOG.warn("PcoClientListener.retrying threw", e);
        }
      }

      @Override
      public void paced(Duration delay) {
        try {
          delegate.paced(delay);
        } catch (RuntimeException e) {
          LOG.warn("PcoClientListener.paced threw", e);
        }
      }
    };
  }

  public void authorizer(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public RatePacer pacer() {
    return pacer;
  }

  public Clock clock() {
    return config.clock();
  }

  /** {@code baseUrl + path} with query parameters (brackets encoded by OkHttp). */
  public HttpUrl url(String path, Map<String, String> query) {
    HttpUrl.Builder b = config.baseUrl().newBuilder();
    String p = path.startsWith("/") ? path.substring(1) : path;
    b.addPathSegments(p);
    query.forEach(b::addQueryParameter);
    return b.build();
  }

  public HttpUrl uploadUrl(String path) {
    return config.uploadUrl().newBuilder().addPathSegments(path.startsWith("/") ? path.substring(1) : path).build();
  }

  // ---------------------------------------------------------------------------------------------
  // JSON:API operations

  public JsonApiDocument get(HttpUrl url, String version) {
    HttpResult r = execute("GET", url, true, true, auth -> http.get(url.toString(), version, auth));
    return document(r);
  }

  /** POST a JSON:API document; never blindly retried on connection errors or 5xx. */
  public @Nullable JsonApiDocument post(HttpUrl url, String version, Object body) {
    RequestBody rb = oneShot(json(body));
    HttpResult r =
        execute("POST", url, false, true, auth -> http.post(url.toString(), version, auth, rb));
    return r.isEmpty() ? null : document(r);
  }

  /** POST an action (e.g. {@code assign_tags}) whose repetition is harmless: retried like a PUT. */
  public @Nullable JsonApiDocument postIdempotent(HttpUrl url, String version, Object body) {
    RequestBody rb = json(body);
    HttpResult r =
        execute("POST", url, true, true, auth -> http.post(url.toString(), version, auth, rb));
    return r.isEmpty() || r.bodyText().strip().equals("{}") ? null : document(r);
  }

  public @Nullable JsonApiDocument patch(HttpUrl url, String version, Object body) {
    RequestBody rb = json(body);
    HttpResult r =
        execute("PATCH", url, true, true, auth -> http.patch(url.toString(), version, auth, rb));
    return r.isEmpty() ? null : document(r);
  }

  public void delete(HttpUrl url, String version) {
    execute("DELETE", url, true, true, auth -> http.delete(url.toString(), version, auth));
  }

  public JsonApiDocument upload(HttpUrl url, String fileName, String contentType, byte[] content) {
    RequestBody file = RequestBody.create(content, MediaType.get(contentType));
    MultipartBody.Part part = MultipartBody.Part.createFormData("file", fileName, file);
    HttpResult r = execute("POST", url, true, true, auth -> http.upload(url.toString(), auth, part));
    return document(r);
  }

  /** An unauthenticated form POST (OAuth token endpoint); returns the raw result, any status. */
  public HttpResult postForm(HttpUrl url, Map<String, String> fields) {
    return executeRaw("POST", url, false, false, auth -> http.form(url.toString(), fields));
  }

  public JsonNode readTree(HttpResult r) {
    try {
      JsonNode n = mapper.readTree(r.body());
      if (n == null || n.isMissingNode()) {
        throw new PcoParseException(r.method(), r.path(), "empty body", null);
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new PcoParseException(r.method(), r.path(), e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new PcoParseException(r.method(), r.path(), e.toString(), e);
    }
  }

  /**
   * Marks a create's body one-shot so OkHttp's own silent connection-failure retry never re-sends
   * it once it started sending (it still may when nothing was sent, which is safe).
   */
  private static RequestBody oneShot(RequestBody body) {
    return new RequestBody() {
      @Override
      public @Nullable MediaType contentType() {
        return body.contentType();
      }

      @Override
      public long contentLength() throws IOException {
        return body.contentLength();
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws IOException {
        body.writeTo(sink);
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
  }

  private RequestBody json(Object body) {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(body), JSON_API);
    } catch (JsonProcessingException e) {
      throw new PcoClientException("cannot serialise request body: " + e.getOriginalMessage(), e);
    }
  }

  private JsonApiDocument document(HttpResult r) {
    JsonNode root = readTree(r);
    try {
      return JsonApiDocument.parse(root);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new PcoParseException(r.method(), r.path(), e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // execution

  private HttpResult execute(
      String method,
      HttpUrl url,
      boolean idempotent,
      boolean authenticated,
      Function<@Nullable String, retrofit2.Call<ResponseBody>> call) {
    HttpResult r = executeRaw(method, url, idempotent, authenticated, call);
    if (r.status() >= 400) {
      throw apiError(r, null);
    }
    return r;
  }

  private HttpResult executeRaw(
      String method,
      HttpUrl url,
      boolean idempotent,
      boolean authenticated,
      Function<@Nullable String, retrofit2.Call<ResponseBody>> call) {
    String path = pathOf(url);
    boolean reauthorized = false;
    int failures = 0;
    while (true) {
      String auth = authenticated && sendsCredentials(url) ? authorizer.authorization() : null;
      Response<ResponseBody> response;
      byte[] body;
      try {
        inFlight.acquire();
        try {
          // pace while holding the slot, so the recorded send time is the real one
          pacer.acquire();
          response = call.apply(auth).execute();
          ResponseBody rb = response.isSuccessful() ? response.body() : response.errorBody();
          try (rb) {
            body = rb == null ? new byte[0] : rb.bytes();
          }
        } finally {
          inFlight.release();
        }
      } catch (InterruptedException | InterruptedIOException e) {
        if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
          Thread.currentThread().interrupt();
          throw new PcoConnectionException(method, path, !idempotent, e);
        }
        // a timeout (SocketTimeoutException is an InterruptedIOException)
        failures = failOrBackoff(method, path, idempotent, failures, (IOException) e);
        continue;
      } catch (IOException e) {
        failures = failOrBackoff(method, path, idempotent, failures, e);
        continue;
      }
      okhttp3.Headers h = response.headers();
      pacer.onResponse(
          h.get("X-PCO-API-Request-Rate-Limit"),
          response.code() == 429 ? null : h.get("X-PCO-API-Request-Rate-Count"),
          h.get("X-PCO-API-Request-Rate-Period"));
      HttpResult result = new HttpResult(response.code(), method, path, body, h.get("Content-Type"));
      int code = response.code();
      listener.requestCompleted(method, path, code);
      if (code == 401 && authenticated && auth != null && !reauthorized) {
        reauthorized = true;
        if (authorizer.refreshAfterUnauthorized(auth)) {
          LOG.debug("401 on {} {}: credentials refreshed, retrying once", method, path);
          continue;
        }
      }
      if (code == 429) {
        Duration retryAfter = retryAfter(h.get("Retry-After"));
        failures++;
        if (failures > config.maxRetries()) {
          throw apiError(result, retryAfter);
        }
        pacer.block(retryAfter);
        Duration wait = retryAfter.plus(jitter(Duration.ofMillis(500)));
        LOG.debug("429 on {} {}: waiting {} (attempt {})", method, path, wait, failures);
        listener.retrying(method, path, failures, wait, "HTTP 429");
        sleep(method, path, wait, idempotent);
        continue;
      }
      if (code >= 500 && idempotent && failures < config.maxRetries()) {
        failures++;
        Duration wait = backoff(failures);
        LOG.debug("HTTP {} on {} {}: retrying in {} (attempt {})", code, method, path, wait, failures);
        listener.retrying(method, path, failures, wait, "HTTP " + code);
        sleep(method, path, wait, idempotent);
        continue;
      }
      return result;
    }
  }

  private boolean sendsCredentials(HttpUrl url) {
    // credentials never leave the configured API and upload hosts
    return sameOrigin(url, config.baseUrl()) || sameOrigin(url, config.uploadUrl());
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private int failOrBackoff(String method, String path, boolean idempotent, int failures, IOException e) {
    // no connection was made: nothing was sent, so even a create may be retried
    boolean notSent =
        e instanceof java.net.ConnectException
            || e instanceof java.net.UnknownHostException
            || e instanceof java.net.NoRouteToHostException;
    if (!idempotent && !notSent) {
      throw new PcoConnectionException(method, path, true, e);
    }
    if (failures >= config.maxRetries()) {
      throw new PcoConnectionException(method, path, false, e);
    }
    int next = failures + 1;
    Duration wait = backoff(next);
    LOG.debug("{} on {} {}: retrying in {} (attempt {})", e.toString(), method, path, wait, next);
    listener.retrying(method, path, next, wait, e.getClass().getName());
    sleep(method, path, wait, idempotent);
    return next;
  }

  private void sleep(String method, String path, Duration d, boolean idempotent) {
    try {
      config.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PcoConnectionException(method, path, false, e);
    }
  }

  /** Exponential back-off {@code base * 2^(n-1)}, capped, with "equal jitter" (50..100 %). */
  Duration backoff(int attempt) {
    long base = config.backoffBase().toMillis();
    long max = config.backoffMax().toMillis();
    long exp = attempt >= 31 ? max : Math.min(max, base * (1L << (attempt - 1)));
    long half = exp / 2;
    return Duration.ofMillis(half + (half <= 0 ? 0 : nextLong(half + 1)));
  }

  private Duration jitter(Duration max) {
    return Duration.ofMillis(nextLong(max.toMillis() + 1));
  }

  private long nextLong(long bound) {
    synchronized (config.random()) {
      return (long) (config.random().nextDouble() * bound);
    }
  }

  /** Retry-After in seconds, clamped to [1 s, maxRetryAfter]; missing/unparseable → 1 s. */
  Duration retryAfter(@Nullable String header) {
    Integer secs = RatePacer.leadingInt(header);
    Duration d = Duration.ofSeconds(secs == null ? 1 : secs);
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      d = Duration.ofSeconds(1);
    }
    return d.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : d;
  }

  private static String pathOf(HttpUrl url) {
    String q = url.query();
    return url.encodedPath() + (q == null ? "" : "?" + q);
  }

  PcoApiException apiError(HttpResult r, @Nullable Duration retryAfter) {
    List<PcoError> errors = new ArrayList<>();
    String snippet = null;
    try {
      JsonNode root = r.isEmpty() ? null : mapper.readTree(r.body());
      JsonNode arr = root == null ? null : root.get("errors");
      if (arr != null && arr.isArray()) {
        for (JsonNode e : arr) {
          JsonNode src = e.path("source");
          errors.add(
              new PcoError(
                  Json.str(e, "status"),
                  Json.str(e, "code"),
                  Json.str(e, "title"),
                  Json.str(e, "detail"),
                  src.isObject() ? Json.str(src, "pointer") : null,
                  src.isObject() ? Json.str(src, "parameter") : null));
        }
      } else if (root != null && root.isObject() && root.has("error")) {
        // OAuth errors: {"error":"invalid_grant","error_description":"..."}
        errors.add(
            new PcoError(
                Integer.toString(r.status()),
                Json.str(root, "error"),
                null,
                Json.str(root, "error_description"),
                null,
                null));
      } else {
        snippet = snippet(r);
      }
    } catch (IOException | RuntimeException e) {
      snippet = snippet(r); // HTML, plain text
    }
    if (r.status() == 429) {
      return new RateLimitedException(
          r.method(), r.path(), errors, snippet, retryAfter == null ? Duration.ofSeconds(1) : retryAfter);
    }
    return new PcoApiException(r.status(), r.method(), r.path(), errors, snippet);
  }

  private static String snippet(HttpResult r) {
    String text = r.bodyText();
    if (text.stripLeading().startsWith("<")) {
      // keep the <title> when there is one, not the whole page
      int t = text.indexOf("<title>");
      int te = text.indexOf("</title>");
      text = t >= 0 && te > t ? "HTML page: " + text.substring(t + 7, te).strip() : "HTML page";
    }
    text = text.strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
