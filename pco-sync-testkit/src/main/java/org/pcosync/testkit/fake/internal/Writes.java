package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Parsing and validating write payloads ({@code {"data":{"attributes":{...}}}}).
 *
 * <p>Not thread-safe; one per write.
 */
public final class Writes {
  private final String resource;
  private final List<ObjectNode> errors = new ArrayList<>();

  public Writes(String resource) {
    this.resource = resource;
  }

  /** The {@code data} object of a write body, or a 400 shaped like the recorded one. */
  public static ObjectNode data(ApiRequest req) {
    if (req.body == null || req.body.isBlank()) {
      throw new ApiException(Errors.invalidPayload("The payload given does not contain a 'data' key."));
    }
    JsonNode root;
    try {
      root = Json.parse(req.body);
    } catch (IllegalArgumentException e) {
      throw new ApiException(Errors.badRequest("invalid_json", "The payload given is not valid JSON."));
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isObject()) {
      throw new ApiException(Errors.invalidPayload("The payload given does not contain a 'data' key."));
    }
    return (ObjectNode) data;
  }

  /** The {@code attributes} of a write body (empty when absent). */
  public static ObjectNode attributes(ObjectNode data) {
    JsonNode a = data.get("attributes");
    if (a == null || a.isNull()) {
      return Json.object();
    }
    if (!a.isObject()) {
      throw new ApiException(Errors.invalidPayload("The payload's 'attributes' must be an object."));
    }
    return (ObjectNode) a;
  }

  /** Adds a 422 "Forbidden Attribute" for every attribute not in {@code assignable}. */
  public void onlyAssignable(ObjectNode attrs, Collection<String> assignable) {
    attrs.fieldNames().forEachRemaining(name -> {
      if (!assignable.contains(name)) {
        errors.add(Errors.forbiddenAttribute(resource, name));
      }
    });
  }

  public void invalid(String attribute, String code, String message) {
    errors.add(Errors.invalid(resource, attribute, code, message));
  }

  /** Throws the collected 422 errors, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ApiException(Errors.of(422, errors));
    }
  }

  public String text(ObjectNode attrs, String name) {
    JsonNode v = attrs.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      invalid(name, "invalid", "is invalid");
      return null;
    }
    return v.asText();
  }

  public Boolean bool(ObjectNode attrs, String name) {
    JsonNode v = attrs.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.asText().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    invalid(name, "invalid", "is not a boolean");
    return null;
  }

  /** An integer attribute; strings of digits are accepted, as Rails does. */
  public Long integer(ObjectNode attrs, String name) {
    JsonNode v = attrs.get(name);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")) {
      return Long.parseLong(v.asText().trim());
    }
    invalid(name, "not_a_number", "is not a number");
    return null;
  }

  /** A date attribute ({@code YYYY-MM-DD}); anything else is a 422. */
  public void date(ObjectNode attrs, String name, ObjectNode into) {
    if (!attrs.has(name)) {
      return;
    }
    String s = text(attrs, name);
    if (s == null || s.isBlank()) {
      into.putNull(name);
    } else if (Formats.date(s.trim()) == null) {
      invalid(name, "invalid", "is invalid");
    } else {
      into.put(name, s.trim());
    }
  }

  /** Copies a string attribute; blank becomes null. */
  public void string(ObjectNode attrs, String name, ObjectNode into) {
    if (!attrs.has(name)) {
      return;
    }
    String s = text(attrs, name);
    if (s == null || s.isBlank()) {
      into.putNull(name);
    } else {
      into.put(name, s);
    }
  }

  public void booleanAttr(ObjectNode attrs, String name, ObjectNode into) {
    if (attrs.has(name)) {
      Boolean b = bool(attrs, name);
      if (b != null) {
        into.put(name, b);
      } else if (attrs.get(name).isNull()) {
        into.put(name, false);
      }
    }
  }
}
