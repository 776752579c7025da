package org.pcosync.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalisations matching and the three-way diff rely on. Pure functions; thread-safe.
 *
 * <p>Every method maps {@code null} and blank input to {@code null}, so "absent" has exactly one
 * representation.
 */
public final class Normalize {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  // Deliberately simple: one @, a non-empty local part, a dotted domain, no whitespace.
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private Normalize() {}

  /**
   * Returns the text trimmed, inner whitespace collapsed to one space, in Unicode NFC; {@code null}
   * for null or blank. Case is kept: this is the value that is written.
   */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    if (isPlainAscii(s)) {
      return s.isEmpty() ? null : s;
    }
    String t = WHITESPACE.matcher(Normalizer.normalize(s, Normalizer.Form.NFC).strip()).replaceAll(" ");
    return t.isEmpty() ? null : t;
  }

  /**
   * Returns whether {@code s} is already in normal form without any work: ASCII only (so NFC), no
   * leading, trailing, repeated or non-space whitespace. The common case on real data; it spares
   * the regex and the Unicode normalisation.
   */
  private static boolean isPlainAscii(String s) {
    int n = s.length();
    char previous = ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c < 0x20) || c == 0x7f || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return n == 0 || s.charAt(n - 1) != ' ';
  }

  /**
   * Returns a key for comparing names: {@link #text} then lower case (root locale); {@code null}
   * for null or blank. "  ZOË " and "zoe\u0308" give the same key.
   */
  public static String nameKey(String s) {
    String t = text(s);
    return t == null ? null : t.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the email trimmed and lower-cased; {@code null} for null or blank. Does not validate:
   * see {@link #isValidEmail}.
   */
  public static String email(String s) {
    String t = text(s);
    return t == null ? null : t.toLowerCase(Locale.ROOT);
  }

  /** Returns whether {@code s} looks like an email address PCO will accept. */
  public static boolean isValidEmail(String s) {
    String e = text(s); // lower-casing (email's second step) changes no '@', '.' or whitespace
    return e != null && isEmailShape(e);
  }

  /**
   * {@link #EMAIL} without a {@code Matcher}: one {@code @} after a non-empty local part, then two
   * or more non-empty dot-separated labels, and no {@code \s} ({@code [ \t\n\x0B\f\r]}) anywhere.
   */
  static boolean isEmailShape(String e) {
    int n = e.length();
    int at = -1;
    int labelStart = -1;
    int labels = 0;
    for (int i = 0; i < n; i++) {
      char c = e.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        return false;
      }
      if (c == '@') {
        if (at >= 0 || i == 0) {
          return false;
        }
        at = i;
        labelStart = i + 1;
      } else if (c == '.' && at >= 0) {
        if (i == labelStart) {
          return false; // empty label
        }
        labels++;
        labelStart = i + 1;
      }
    }
    return at >= 0 && labelStart < n && labels >= 1;
  }

  /**
   * Returns only the digits of a phone number, with a leading North American country code 1
   * dropped from 11-digit numbers so "+1 (555) 010-1234" and "555.010.1234" compare equal;
   * {@code null} when there are no digits.
   */
  public static String phoneDigits(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    boolean plain = true; // only ASCII digits: the digits are s itself
    for (int i = 0; i < n && plain; i++) {
      char c = s.charAt(i);
      plain = c >= '0' && c <= '9';
    }
    if (plain) {
      return n == 0 ? null : n == 11 && s.charAt(0) == '1' ? s.substring(1) : s;
    }
    char[] b = new char[n];
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b[len++] = c;
      } else if (Character.isDigit(c)) {
        b[len++] = Character.forDigit(Character.digit(c, 10), 10);
      }
    }
    if (len == 11 && b[0] == '1') {
      return new String(b, 1, 10);
    }
    return len == 0 ? null : new String(b, 0, len);
  }

  /** Returns whether {@code s} has a plausible number of digits (7 to 15) for a phone number. */
  public static boolean isValidPhone(String s) {
    String d = phoneDigits(s);
    return d != null && d.length() >= 7 && d.length() <= 15;
  }
}
