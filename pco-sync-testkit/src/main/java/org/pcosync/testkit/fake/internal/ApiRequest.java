package org.pcosync.testkit.fake.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed request as the handlers see it. Immutable. */
public final class ApiRequest {
  public final String method;
  public final String path;
  public final String rawQuery;
  public final String body;
  public final Map<String, List<String>> params;
  /** The People or Services version this request is processed as. */
  public final String version;
  /** {@code http://127.0.0.1:port}, used in every link. */
  public final String baseUrl;
  public final String contentType;

  public ApiRequest(String method, String path, String rawQuery, String body, String version,
      String baseUrl, String contentType) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.body = body;
    this.version = version;
    this.baseUrl = baseUrl;
    this.contentType = contentType;
    this.params = Collections.unmodifiableMap(parseQuery(rawQuery));
  }

  /** Decodes {@code a=1&b[c]=2} into an ordered multimap. */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  public String param(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** {@code include=a,b} and the Rails form {@code include[]=a&include[]=b}. */
  public Set<String> includes() {
    Set<String> out = new LinkedHashSet<>();
    for (String key : List.of("include", "include[]")) {
      for (String v : params.getOrDefault(key, List.of())) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  /** True when this request is processed as a version at or after {@code date}. */
  public boolean atLeast(String date) {
    return version.compareTo(date) >= 0;
  }
}
