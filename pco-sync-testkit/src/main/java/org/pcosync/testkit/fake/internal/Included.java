package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level {@code included} array of one response, de-duplicated by type and id.
 *
 * <p>Not thread-safe; one per response.
 */
public final class Included {
  private final Map<String, ObjectNode> byKey = new LinkedHashMap<>();

  public void add(ObjectNode resource) {
    byKey.putIfAbsent(resource.path("type").asText() + ":" + resource.path("id").asText(), resource);
  }

  public ArrayNode toArray() {
    ArrayNode a = Json.array();
    byKey.values().forEach(a::add);
    return a;
  }
}
