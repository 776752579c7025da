package org.pcosync.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny JDK HttpClient wrapper for tests of the fake: Basic auth, JSON bodies. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private String authorization;
  private String version;

  Http(FakePco pco) {
    this.base = pco.baseUrl();
    this.authorization = basic(pco.appId(), pco.secret());
  }

  static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  Http authorization(String value) {
    this.authorization = value;
    return this;
  }

  Http version(String version) {
    this.version = version;
    return this;
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery
        : base + pathAndQuery));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (version != null) {
      b.header("X-PCO-API-Version", version);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, body);
  }

  HttpResponse<String> patch(String path, String body) {
    return send("PATCH", path, body);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  /** {@code {"data":{"type":type,"attributes":attrs}}} from a JSON object literal of attributes. */
  static String data(String type, String attributesJson) {
    return "{\"data\":{\"type\":\"" + type + "\",\"attributes\":" + attributesJson + "}}";
  }
}
