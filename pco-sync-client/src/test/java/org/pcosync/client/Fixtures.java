package org.pcosync.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/** Test resources and canned responses. */
final class Fixtures {
  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documented example resource of a documentation-API vertex file, as a JSON:API document. */
  static String vertexExampleDocument(String name, boolean asList) {
    String vertex = text(name);
    try {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      String example = mapper.readTree(vertex).path("data").path("attributes").path("example").asText();
      return asList ? "{\"data\":[" + example + "]}" : "{\"data\":" + example + "}";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/vnd.api+json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse json(String body) {
    return json(200, body);
  }

  static MockResponse fixture(String name) {
    return json(200, text(name));
  }

  static MockResponse noContent() {
    return new MockResponse(204, Headers.of(), "");
  }

  static String person(String id, String firstName, String updatedAt) {
    return "{\"type\":\"Person\",\"id\":\"" + id + "\",\"attributes\":{\"first_name\":\"" + firstName
        + "\",\"updated_at\":\"" + updatedAt + "\"}}";
  }
}
