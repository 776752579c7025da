package org.pcosync.client.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds JSON:API request documents as maps (null values are kept: JSON null clears). */
public final class Bodies {
  private Bodies() {}

  public static Map<String, Object> resource(
      String type, @Nullable String id, Map<String, ? extends @Nullable Object> attributes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    if (id != null) {
      data.put("id", id);
    }
    data.put("attributes", new LinkedHashMap<>(attributes));
    return Map.of("data", data);
  }

  /** {@code {"data":{"type":..,"attributes":{},"relationships":{name:{"data":[{type,id}..]}}}}}. */
  public static Map<String, Object> toManyRelationship(
      String type, String relationship, String relatedType, List<String> ids) {
    List<Map<String, String>> refs =
        ids.stream()
            .map(
                id -> {
                  Map<String, String> ref = new LinkedHashMap<>();
                  ref.put("type", relatedType);
                  ref.put("id", id);
                  return ref;
                })
            .toList();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("attributes", Map.of());
    data.put("relationships", Map.of(relationship, Map.of("data", refs)));
    return Map.of("data", data);
  }
}
