package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * PCO's value formats: UTC second-precision timestamps, ISO dates and its phone-number rewriting.
 *
 * <p>Stateless; thread-safe.
 */
public final class Formats {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneId.of("UTC"));

  private Formats() {}

  public static String timestamp(Instant instant) {
    return TS.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** An ISO date ({@code 2001-02-03}) or null when {@code text} is not one. */
  public static LocalDate date(String text) {
    if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A point in time from a full ISO timestamp or a date; a date alone is taken at midnight in
   * {@code orgZone}, as PCO does for filters. Null when unparseable.
   */
  public static Instant instant(String text, ZoneId orgZone) {
    if (text == null) {
      return null;
    }
    LocalDate d = date(text);
    if (d != null) {
      return d.atStartOfDay(orgZone).toInstant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  public static String digits(String text) {
    return text == null ? "" : text.replaceAll("\\D", "");
  }

  /**
   * Writes {@code number}, {@code e164}, {@code international}, {@code national} and {@code
   * country_code} the way PCO rewrites a phone number (North American numbers formatted as
   * {@code (425) 555-1234}, {@code +14255551234}, {@code +1 425-555-1234}). Returns false when the
   * number has too few digits to be one.
   */
  public static boolean formatPhone(String input, ObjectNode into) {
    String raw = input.trim();
    String d = digits(raw);
    if (d.length() < 7 || d.length() > 15) {
      return false;
    }
    boolean plus = raw.startsWith("+");
    if ((!plus && d.length() == 10) || (d.length() == 11 && d.startsWith("1"))) {
      String n = d.length() == 11 ? d.substring(1) : d;
      String national = "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6);
      into.put("number", national);
      into.put("national", national);
      into.put("e164", "+1" + n);
      into.put("international", "+1 " + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6));
      into.put("country_code", "US");
    } else if (plus) {
      into.put("number", raw);
      into.put("national", raw);
      into.put("e164", "+" + d);
      into.put("international", "+" + d);
      into.putNull("country_code");
    } else {
      into.put("number", raw);
      into.put("national", raw);
      into.putNull("e164");
      into.putNull("international");
      into.put("country_code", "US");
    }
    return true;
  }
}
