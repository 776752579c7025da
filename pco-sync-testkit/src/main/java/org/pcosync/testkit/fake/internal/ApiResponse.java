package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the fake is about to send: status, content type, body bytes and extra headers.
 *
 * <p>Not thread-safe; built and sent by one request thread.
 */
public final class ApiResponse {
  public static final String JSON_API = "application/vnd.api+json; charset=utf-8";
  public static final String JSON = "application/json; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  public static ApiResponse jsonApi(int status, JsonNode body) {
    return new ApiResponse(status, JSON_API, Json.bytes(body));
  }

  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, Json.bytes(body));
  }

  public static ApiResponse html(int status, String body) {
    return new ApiResponse(status, HTML, body.getBytes(StandardCharsets.UTF_8));
  }

  public static ApiResponse raw(int status, String contentType, byte[] body) {
    return new ApiResponse(status, contentType, body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, null, new byte[0]);
  }

  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
