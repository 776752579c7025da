package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Normalised string values of synchronised fields: one side's state, or the last-synced base the
 * three-way diff compares against. An absent key means "empty". Stores persist it with
 * {@link #encode()} and {@link #decode(String)}. Immutable and thread-safe.
 *
 * @param values field → normalised value; never a null or empty value
 */
public record FieldSnapshot(Map<SyncField, String> values) {

  /** The empty snapshot. */
  public static final FieldSnapshot EMPTY = new FieldSnapshot(Map.of());

  /** Validates the components and normalises them. */
  public FieldSnapshot {
    requireNonNull(values, "values == null");
    EnumMap<SyncField, String> copy;
    if (values instanceof EnumMap<SyncField, String> m) {
      copy = new EnumMap<>(m); // copies the value array; no null keys; no Entry per value
      copy.values().removeIf(v -> v == null || v.isEmpty());
    } else {
      EnumMap<SyncField, String> c = new EnumMap<>(SyncField.class);
      values.forEach(
          (f, v) -> {
            requireNonNull(f, "null field");
            if (v != null && !v.isEmpty()) {
              c.put(f, v);
            }
          });
      copy = c;
    }
    values = java.util.Collections.unmodifiableMap(copy); // an EnumMap: lookups index an array
  }

  /** Returns the value of a field, or {@code null} when empty. */
  public String get(SyncField field) {
    return values.get(field);
  }

  /** Returns whether the snapshot holds a (non-empty) value for the field. */
  public boolean has(SyncField field) {
    return values.containsKey(field);
  }

  /** Returns a copy with one field set; {@code null} or empty removes it. */
  public FieldSnapshot with(SyncField field, String value) {
    EnumMap<SyncField, String> copy = new EnumMap<>(SyncField.class);
    copy.putAll(values);
    if (value == null || value.isEmpty()) {
      copy.remove(field);
    } else {
      copy.put(field, value);
    }
    return new FieldSnapshot(copy);
  }

  /** Returns a copy without a field. */
  public FieldSnapshot without(SyncField field) {
    return with(field, null);
  }

  /**
   * Returns a stable text form: one {@code FIELD=value} per line in field order, with backslash,
   * newline and carriage return escaped. {@code decode(encode())} is the identity.
   */
  public String encode() {
    StringJoiner j = new StringJoiner("\n");
    for (SyncField f : SyncField.values()) {
      String v = values.get(f);
      if (v != null) {
        j.add(f.name() + "=" + v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
      }
    }
    return j.toString();
  }

  /**
   * Parses {@link #encode()}'s output; {@code null} or empty gives {@link #EMPTY}.
   *
   * @throws IllegalArgumentException for a malformed line or unknown field
   */
  public static FieldSnapshot decode(String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    EnumMap<SyncField, String> m = new EnumMap<>(SyncField.class);
    for (String line : text.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("malformed snapshot line: " + line);
      }
      SyncField f = SyncField.valueOf(line.substring(0, eq));
      m.put(f, unescape(line.substring(eq + 1)));
    }
    return new FieldSnapshot(m);
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "FieldSnapshot" + new java.util.TreeMap<>(values);
  }
}
