package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Error bodies shaped like the real API's (see pco-api.md §4 and the recorded fixtures).
 *
 * <p>Stateless; thread-safe.
 */
public final class Errors {
  private static final String PUT_404_HTML = load("put-404.html");

  private Errors() {}

  /** One JSON:API error object. */
  public static ObjectNode error(int status, String title, String detail) {
    ObjectNode e = Json.object();
    e.put("status", Integer.toString(status));
    e.put("title", title);
    e.put("detail", detail);
    return e;
  }

  public static ApiResponse of(int status, List<ObjectNode> errors) {
    ObjectNode body = Json.object();
    ArrayNode arr = body.putArray("errors");
    errors.forEach(arr::add);
    return ApiResponse.json(status, body);
  }

  public static ApiResponse of(int status, ObjectNode error) {
    return of(status, List.of(error));
  }

  public static ApiResponse notFound() {
    return of(404, error(404, "Not Found", "The resource you requested could not be found"));
  }

  /** Recorded: POST with a body lacking {@code data}. */
  public static ApiResponse invalidPayload(String detail) {
    ObjectNode e = Json.object();
    e.put("status", "400");
    e.put("title", "Bad Request");
    e.put("code", "invalid_resource_payload");
    e.put("detail", detail);
    return of(400, e);
  }

  public static ApiResponse badRequest(String code, String detail) {
    ObjectNode e = error(400, "Bad Request", detail);
    if (code != null) {
      e.put("code", code);
    }
    return of(400, e);
  }

  public static ApiResponse forbidden(String detail) {
    return of(403, error(403, "Forbidden", detail));
  }

  public static ApiResponse methodNotAllowed() {
    return of(405, error(405, "Method Not Allowed", "The HTTP method is not allowed for this resource"));
  }

  /** Recorded: a bad Basic credential gets an HTML body, not JSON. */
  public static ApiResponse unauthorizedHtml() {
    return ApiResponse.html(401, "HTTP Basic: Access denied.\n")
        .header("WWW-Authenticate", "Basic realm=\"Application\"");
  }

  /** Recorded: PUT is not supported and answers with PCO's HTML 404 page. */
  public static ApiResponse putNotSupported() {
    return ApiResponse.html(404, PUT_404_HTML);
  }

  /** 422 "Forbidden Attribute", as quoted in pypco's API tour. */
  public static ObjectNode forbiddenAttribute(String resource, String attribute) {
    ObjectNode e = error(422, "Forbidden Attribute", attribute + " cannot be assigned");
    e.put("code", "forbidden_attribute");
    e.putObject("source").put("pointer", "/data/attributes/" + attribute);
    e.putObject("meta").put("resource", resource).put("attribute", attribute);
    return e;
  }

  /** 422 "Validation Error" on one attribute. */
  public static ObjectNode invalid(String resource, String attribute, String code, String message) {
    String label = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1).replace('_', ' ');
    ObjectNode e = error(422, "Validation Error", label + " " + message);
    e.put("code", code);
    e.putObject("source").put("pointer", "/data/attributes/" + attribute);
    e.putObject("meta").put("resource", resource).put("attribute", attribute);
    return e;
  }

  private static String load(String name) {
    try (InputStream in = Errors.class.getResourceAsStream(name)) {
      if (in == null) {
        return "<!DOCTYPE html>\n<html><head><title>404</title></head><body>404</body></html>\n";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
