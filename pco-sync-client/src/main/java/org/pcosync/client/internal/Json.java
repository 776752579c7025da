package org.pcosync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Lenient readers for attribute values: numbers where strings are documented and vice versa. */
public final class Json {
  private Json() {}

  public static @Nullable String str(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
      return null;
    }
    return n.asText();
  }

  public static @Nullable Boolean bool(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      String s = n.asText().trim();
      if (s.equalsIgnoreCase("true") || s.equals("1")) {
        return true;
      }
      if (s.equalsIgnoreCase("false") || s.equals("0")) {
        return false;
      }
      return null;
    }
    if (n.isNumber()) {
      return n.asInt() != 0;
    }
    return null;
  }

  public static boolean boolOrFalse(JsonNode obj, String field) {
    Boolean b = bool(obj, field);
    return b != null && b;
  }

  public static @Nullable Long toLong(@Nullable JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return (long) n.doubleValue();
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static @Nullable Long lng(JsonNode obj, String field) {
    return toLong(obj.get(field));
  }

  public static @Nullable Integer toInt(@Nullable JsonNode n) {
    Long l = toLong(n);
    return l == null ? null : Math.toIntExact(l);
  }

  public static @Nullable Integer integer(JsonNode obj, String field) {
    return toInt(obj.get(field));
  }

  /** {@code 2000-01-01} or a date-time whose date part is taken (Services sends date_time). */
  public static @Nullable LocalDate date(JsonNode obj, String field) {
    String s = str(obj, field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static @Nullable Instant instant(JsonNode obj, String field) {
    String s = str(obj, field);
    return parseInstant(s);
  }

  public static @Nullable Instant parseInstant(@Nullable String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
