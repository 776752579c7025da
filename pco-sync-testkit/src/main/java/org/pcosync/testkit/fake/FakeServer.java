package org.pcosync.testkit.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pcosync.testkit.fake.Faults.FaultRule;
import org.pcosync.testkit.fake.Faults.Kind;
import org.pcosync.testkit.fake.internal.ApiRequest;
import org.pcosync.testkit.fake.internal.ApiResponse;
import org.pcosync.testkit.fake.internal.Errors;
import org.pcosync.testkit.fake.internal.Json;
import org.pcosync.testkit.fake.internal.PeopleApi;
import org.pcosync.testkit.fake.internal.RateLimiter;
import org.pcosync.testkit.fake.internal.ServicesApi;
import org.pcosync.testkit.fake.internal.Store;
import org.pcosync.testkit.fake.internal.Uploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP front of a {@link FakePco}: auth, rate limit, versions, faults, routing, recording. */
final class FakeServer implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(FakeServer.class);

  private final FakePco pco;

  FakeServer(FakePco pco) {
    this.pco = pco;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    String path = ex.getRequestURI().getPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    byte[] bodyBytes = ex.getRequestBody().readAllBytes();
    String body = new String(bodyBytes, StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>(ex.getRequestHeaders());
    RecordingExchange rec = new RecordingExchange(method, path, rawQuery == null ? "" : rawQuery, body, headers);
    try {
      serve(ex, rec, bodyBytes);
    } catch (RuntimeException | IOException | Error e) {
      log.warn("fake PCO failed on {} {}", method, path, e);
      if (!rec.sent) {
        try {
          send(ex, rec, errorResponse(500), null, null);
        } catch (IOException ignored) {
          // the client went away
        }
      }
    } finally {
      ex.close();
    }
  }

  private void serve(HttpExchange ex, RecordingExchange rec, byte[] bodyBytes) throws IOException {
    Store store = pco.store();
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (rec.method.equals("GET") && rec.path.startsWith("/avatars/")) {
      byte[] bytes;
      synchronized (store) {
        bytes = store.avatars.get(rec.path);
      }
      send(ex, rec, bytes == null ? Errors.notFound() : ApiResponse.raw(200, "image/jpeg", bytes), null, null);
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String[] basic = basic(auth);
    if (rec.path.equals("/oauth/token")) {
      ApiRequest req = new ApiRequest(rec.method, rec.path, rec.query, rec.body, "", store.baseUrl, contentType);
      ApiResponse resp;
      if (!rec.method.equals("POST")) {
        resp = Errors.methodNotAllowed();
      } else {
        synchronized (store) {
          resp = pco.oauthServer().token(req, basic == null ? null : basic[0], basic == null ? null : basic[1]);
        }
      }
      send(ex, rec, resp, null, null);
      return;
    }
    String user;
    String authMethod;
    if (basic != null && basic[0].equals(pco.appId()) && basic[1].equals(pco.secret())) {
      user = "basic:" + basic[0];
      authMethod = "HTTPBasic";
    } else if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && validToken(auth.substring(7).trim())) {
      user = "oauth";
      authMethod = "OAuth2";
    } else {
      send(ex, rec, Errors.unauthorizedHtml(), null, null);
      return;
    }
    RateLimiter.Decision rate = pco.rateLimiter().admit(user, highOffset(rec.query) ? pco.highOffsetLimit() : Integer.MAX_VALUE);
    if (!rate.allowed()) {
      send(ex, rec, tooManyRequests(rate, rate.retryAfterSeconds()), rate, authMethod);
      return;
    }
    String version;
    try {
      version = version(rec.path, ex.getRequestHeaders().getFirst("X-PCO-API-Version"));
    } catch (IllegalArgumentException e) {
      send(ex, rec, Errors.badRequest("unsupported_version_error", e.getMessage()), rate, authMethod);
      return;
    }
    FaultRule fault = pco.faults().fire(rec.method, rec.path);
    Kind kind = fault == null ? null : fault.kind();
    if (kind == Kind.RESPOND) {
      send(ex, rec, errorResponse(fault.status()), rate, authMethod);
      return;
    }
    if (kind == Kind.STORM_429) {
      long retry = Math.max(1, fault.duration().toSeconds());
      send(ex, rec, tooManyRequests(rate, retry), rate, authMethod);
      return;
    }
    if (kind == Kind.DELAY) {
      pco.clock().advance(fault.duration());
    }
    if (kind == Kind.BLOCK) {
      try {
        if (!fault.latch().await(30, TimeUnit.SECONDS)) {
          log.warn("fake PCO: blockUntil latch not released within 30 s; answering anyway");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ApiResponse resp;
    if (rec.path.equals(FakePco.UPLOAD_PREFIX + "/v2/files")) {
      synchronized (store) {
        resp = rec.method.equals("POST") ? Uploads.upload(store, contentType, bodyBytes) : Errors.methodNotAllowed();
      }
    } else {
      ApiRequest req = new ApiRequest(rec.method, rec.path, rec.query, rec.body, version, store.baseUrl, contentType);
      synchronized (store) {
        resp = pco.router().dispatch(req);
      }
    }
    if (version != null && !version.isEmpty()) {
      resp.header("X-PCO-API-Processed-As-Version", version);
    }
    if (kind == Kind.DROP_AFTER_APPLY) {
      rec.status = 0;
      rec.sent = true;
      pco.record(rec.toRecorded());
      return; // handle() closes the exchange without a response: the connection drops
    }
    send(ex, rec, resp, rate, authMethod, kind);
  }

  /** PCO limits requests with an {@code offset} above 30,000 more strictly (75 per 20 s). */
  private static boolean highOffset(String query) {
    String offset = RecordedRequest.firstParam(query, "offset");
    try {
      return offset != null && Long.parseLong(offset.trim()) > FakePco.HIGH_OFFSET;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private boolean validToken(String token) {
    synchronized (pco.store()) {
      return pco.oauthServer().validAccessToken(token);
    }
  }

  private String version(String path, String requested) {
    if (path.startsWith("/people/")) {
      String want = requested == null || requested.isBlank() ? pco.defaultPeopleVersion() : requested.trim();
      List<String> known = PeopleApi.VERSIONS;
      if (want.equalsIgnoreCase("LATEST")) {
        return known.get(known.size() - 1);
      }
      if (!want.matches("\\d{4}-\\d{2}-\\d{2}") || want.compareTo(known.get(0)) < 0) {
        throw new IllegalArgumentException("The version '" + want + "' is not supported. Use a version on or"
            + " after " + known.get(0) + ".");
      }
      String chosen = known.get(0);
      for (String v : known) {
        if (v.compareTo(want) <= 0) {
          chosen = v;
        }
      }
      return chosen;
    }
    if (path.startsWith("/services/")) {
      if (requested != null && !requested.isBlank() && !requested.trim().equalsIgnoreCase("LATEST")
          && (!requested.trim().matches("\\d{4}-\\d{2}-\\d{2}") || requested.trim().compareTo("2018-08-01") < 0)) {
        throw new IllegalArgumentException("The version '" + requested.trim() + "' is not supported.");
      }
      return ServicesApi.VERSION;
    }
    return "";
  }

  private static String[] basic(String auth) {
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The 429 PCO sends: {@code Retry-After} and an errors body with {@code code} instead of {@code status}. */
  private static ApiResponse tooManyRequests(RateLimiter.Decision rate, long retryAfter) {
    ObjectNode body = Json.object();
    ObjectNode e = body.putArray("errors").addObject();
    e.put("code", "429");
    e.put("title", "Too Many Requests");
    e.put("detail", "Rate limit exceeded: " + rate.count() + " of " + rate.limit() + " requests per "
        + rate.periodSeconds() + " seconds");
    return ApiResponse.json(429, body).header("Retry-After", Long.toString(retryAfter));
  }

  private static ApiResponse errorResponse(int status) {
    switch (status) {
      case 500:
        return Errors.of(500, Errors.error(500, "Internal Server Error", "An internal server error occurred on our"
            + " end and we've been notified. Please contact support if the issue persists."));
      case 502:
        return ApiResponse.html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>\n");
      case 503:
        return ApiResponse.html(503, "<html><body><h1>503 Service Unavailable</h1>"
            + "<p>Planning Center is down for maintenance.</p></body></html>\n");
      case 429:
        return Errors.of(429, Errors.error(429, "Too Many Requests", "Rate limit exceeded"));
      default:
        return Errors.of(status, Errors.error(status, "Error", "Injected fault"));
    }
  }

  private void send(HttpExchange ex, RecordingExchange rec, ApiResponse resp, RateLimiter.Decision rate,
      String authMethod) throws IOException {
    send(ex, rec, resp, rate, authMethod, null);
  }

  private void send(HttpExchange ex, RecordingExchange rec, ApiResponse resp, RateLimiter.Decision rate,
      String authMethod, Kind kind) throws IOException {
    Headers h = ex.getResponseHeaders();
    byte[] body = resp.body();
    if (kind == Kind.MALFORMED && resp.status() != 204) {
      body = "{\"data\":[{\"type\":\"Person\",\"id\":\"1\",\"attributes\":{\"first_name\":\"Pa<html>"
          .getBytes(StandardCharsets.UTF_8);
    }
    if (resp.contentType() != null) {
      h.set("Content-Type", resp.contentType());
    } else if (kind == Kind.MALFORMED) {
      h.set("Content-Type", ApiResponse.JSON_API);
    }
    resp.headers().forEach(h::set);
    if (rate != null && pco.rateLimiter().enabled()) {
      h.set("X-PCO-API-Request-Rate-Limit", Integer.toString(rate.limit()));
      h.set("X-PCO-API-Request-Rate-Count", Integer.toString(rate.count()));
      h.set("X-PCO-API-Request-Rate-Period", Long.toString(rate.periodSeconds()));
    }
    if (authMethod != null) {
      h.set("X-PCO-API-Auth-Method", authMethod);
    }
    rec.status = resp.status();
    rec.sent = true;
    pco.record(rec.toRecorded());
    if (resp.status() == 204) {
      ex.sendResponseHeaders(204, -1);
      return;
    }
    ex.sendResponseHeaders(resp.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      OutputStream out = ex.getResponseBody();
      if (kind == Kind.TRUNCATE) {
        out.write(Arrays.copyOf(body, body.length / 2));
        out.flush();
        // Closing the exchange with bytes still owed makes the JDK server close the connection:
        // the client sees a body cut short of its Content-Length.
        ex.close();
        return;
      }
      out.write(body);
      out.close();
    }
  }

  /** Mutable per-exchange bookkeeping until the request is recorded. */
  private static final class RecordingExchange {
    final String method;
    final String path;
    final String query;
    final String body;
    final Map<String, List<String>> headers;
    int status;
    boolean sent;

    RecordingExchange(String method, String path, String query, String body, Map<String, List<String>> headers) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.body = body;
      this.headers = headers;
    }

    RecordedRequest toRecorded() {
      return new RecordedRequest(method, path, query, body, status, headers);
    }
  }
}
