package org.pcosync.testkit.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the parts of a vcrpy cassette the replay needs (method, URI, request body, status, response
 * body) with a small line reader for the exact YAML vcrpy writes: single-quoted, folded scalars and
 * {@code !!binary} gzip bodies.
 */
final class Cassette {
  record Interaction(String method, String uri, String requestBody, int status, String responseBody) {}

  private Cassette() {}

  static List<Interaction> load(String resource) {
    try (InputStream in = Cassette.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Interaction> parse(String[] lines) {
    List<Interaction> out = new ArrayList<>();
    String method = null;
    String uri = null;
    String requestBody = null;
    String responseBody = null;
    boolean inResponse = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("- request:")) {
        if (method != null) {
          throw new IllegalStateException("interaction without status before line " + i);
        }
        inResponse = false;
        requestBody = null;
        responseBody = null;
      } else if (line.startsWith("  response:")) {
        inResponse = true;
      } else if (!inResponse && line.startsWith("    method: ")) {
        method = line.substring(12).trim();
      } else if (!inResponse && line.startsWith("    uri: ")) {
        uri = line.substring(9).trim();
      } else if (!inResponse && line.startsWith("    body: '")) {
        int[] end = new int[1];
        requestBody = quoted(lines, i, line.indexOf('\'') + 1, end);
        i = end[0];
      } else if (inResponse && line.startsWith("      string: !!binary")) {
        StringBuilder b64 = new StringBuilder();
        while (i + 1 < lines.length && lines[i + 1].startsWith("        ")) {
          b64.append(lines[++i].trim());
        }
        responseBody = binary(b64.toString());
      } else if (inResponse && line.startsWith("      string: '")) {
        int[] end = new int[1];
        responseBody = quoted(lines, i, line.indexOf('\'') + 1, end);
        i = end[0];
      } else if (inResponse && line.startsWith("      code: ")) {
        out.add(new Interaction(method, uri, requestBody, Integer.parseInt(line.substring(12).trim()), responseBody));
        method = null;
      }
    }
    return out;
  }

  /** A YAML single-quoted scalar starting at {@code lines[from]} column {@code col}; folds line breaks. */
  private static String quoted(String[] lines, int from, int col, int[] endLine) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = from;
    String line = lines[i].substring(col);
    while (true) {
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '\'') {
          if (c + 1 < line.length() && line.charAt(c + 1) == '\'') {
            cur.append('\'');
            c++;
          } else {
            parts.add(cur.toString());
            endLine[0] = i;
            return fold(parts);
          }
        } else {
          cur.append(ch);
        }
      }
      parts.add(cur.toString());
      cur.setLength(0);
      line = lines[++i];
    }
  }

  private static String fold(List<String> parts) {
    StringBuilder sb = new StringBuilder(stripTrailing(parts.get(0)));
    int newlines = 0;
    for (int k = 1; k < parts.size(); k++) {
      String s = parts.get(k).strip();
      if (s.isEmpty() && k < parts.size() - 1) {
        newlines++;
        continue;
      }
      sb.append(newlines > 0 ? "\n".repeat(newlines) : (s.isEmpty() ? "" : " ")).append(s);
      newlines = 0;
    }
    return sb.toString();
  }

  private static String stripTrailing(String s) {
    return s.stripTrailing();
  }

  private static String binary(String base64) {
    byte[] bytes = Base64.getMimeDecoder().decode(base64);
    if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = gz.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
