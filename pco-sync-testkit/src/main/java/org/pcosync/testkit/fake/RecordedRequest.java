package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcosync.testkit.fake.internal.ApiRequest;

/**
 * One request the fake received, with the status it answered (0 when the connection was dropped
 * without a response). Headers exclude {@code Authorization}; names are lower-case.
 *
 * @param method HTTP method, upper-case
 * @param path the decoded path, e.g. {@code /people/v2/people/1}
 * @param query the raw query string, empty when absent
 * @param body the request body as UTF-8 text, empty when absent
 * @param status the status sent, or 0 for a dropped connection
 * @param headers request headers without {@code Authorization}
 *
 * <p>Immutable and thread-safe.
 */
public record RecordedRequest(String method, String path, String query, String body, int status,
    Map<String, List<String>> headers) {

  /** Copies {@code headers} and checks for nulls. */
  public RecordedRequest {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    requireNonNull(query, "query == null");
    requireNonNull(body, "body == null");
    requireNonNull(headers, "headers == null");
    TreeMap<String, List<String>> copy = new TreeMap<>();
    headers.forEach((k, v) -> {
      if (!"authorization".equalsIgnoreCase(k)) {
        copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
      }
    });
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /** The first decoded value of query parameter {@code name} (e.g. {@code where[updated_at][gt]}). */
  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(firstParam(query, name));
  }

  static String firstParam(String query, String name) {
    List<String> v = ApiRequest.parseQuery(query).get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** True for POST, PATCH and DELETE (PCO does not support PUT). */
  public boolean isWrite() {
    return method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
