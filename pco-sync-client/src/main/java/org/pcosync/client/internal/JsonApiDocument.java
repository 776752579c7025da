package org.pcosync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed JSON:API document: primary {@code data} (one or many), {@code included} indexed by
 * type+id, {@code links} (lenient: empty-string keys and null values allowed) and {@code meta}.
 * Unknown members are ignored. Immutable after parsing; thread-safe.
 */
public final class JsonApiDocument {

  /** A resource identifier ({@code {"type":..,"id":..}}). */
  public record ResourceId(String type, String id) {}

  /** A relationship; {@code present} is false when the document did not carry its data. */
  public record Relationship(List<ResourceId> data, boolean present) {
    public @Nullable String firstId() {
      return data.isEmpty() ? null : data.get(0).id();
    }
  }

  /** A resource object. */
  public record Resource(
      String type,
      String id,
      JsonNode attributes,
      Map<String, Relationship> relationships,
      Map<String, String> links) {

    public Relationship relationship(String name) {
      Relationship r = relationships.get(name);
      return r == null ? new Relationship(List.of(), false) : r;
    }
  }

  private final List<Resource> data;
  private final boolean single;
  private final Map<ResourceId, Resource> included;
  private final Map<String, String> links;
  private final JsonNode meta;

  private JsonApiDocument(
      List<Resource> data,
      boolean single,
      Map<ResourceId, Resource> included,
      Map<String, String> links,
      JsonNode meta) {
    this.data = data;
    this.single = single;
    this.included = included;
    this.links = links;
    this.meta = meta;
  }

  /**
   * Parses a JSON:API document.
   *
   * @throws IllegalArgumentException when there is no usable {@code data} member
   */
  public static JsonApiDocument parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode dataNode = root.get("data");
    if (dataNode == null) {
      throw new IllegalArgumentException("no 'data' member");
    }
    List<Resource> data = new ArrayList<>();
    boolean single;
    if (dataNode.isArray()) {
      single = false;
      for (JsonNode n : dataNode) {
        data.add(resource(n));
      }
    } else if (dataNode.isObject()) {
      single = true;
      data.add(resource(dataNode));
    } else if (dataNode.isNull()) {
      single = true;
    } else {
      throw new IllegalArgumentException("'data' is neither object nor array");
    }
    Map<ResourceId, Resource> included = new HashMap<>();
    JsonNode inc = root.path("included");
    if (inc.isArray()) {
      for (JsonNode n : inc) {
        Resource r = resource(n);
        included.put(new ResourceId(r.type(), r.id()), r);
      }
    }
    return new JsonApiDocument(
        Collections.unmodifiableList(data),
        single,
        Collections.unmodifiableMap(included),
        links(root.path("links")),
        root.has("meta") ? root.get("meta") : MissingNode.getInstance());
  }

  static Resource resource(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("resource is not an object");
    }
    String type = Json.str(n, "type");
    String id = Json.str(n, "id");
    if (id == null) {
      throw new IllegalArgumentException("resource without id");
    }
    Map<String, Relationship> rels = new LinkedHashMap<>();
    JsonNode relsNode = n.path("relationships");
    if (relsNode.isObject()) {
      relsNode.fields().forEachRemaining(e -> rels.put(e.getKey(), relationship(e.getValue())));
    }
    JsonNode attrs = n.path("attributes");
    return new Resource(
        type == null ? "" : type,
        id,
        attrs.isObject() ? attrs : MissingNode.getInstance(),
        Collections.unmodifiableMap(rels),
        links(n.path("links")));
  }

  private static Relationship relationship(JsonNode rel) {
    if (!rel.isObject() || !rel.has("data")) {
      return new Relationship(List.of(), false);
    }
    JsonNode d = rel.get("data");
    List<ResourceId> ids = new ArrayList<>();
    if (d.isArray()) {
      for (JsonNode x : d) {
        ResourceId rid = resourceId(x);
        if (rid != null) {
          ids.add(rid);
        }
      }
    } else {
      ResourceId rid = resourceId(d);
      if (rid != null) {
        ids.add(rid);
      }
    }
    return new Relationship(List.copyOf(ids), true);
  }

  private static @Nullable ResourceId resourceId(JsonNode x) {
    if (!x.isObject()) {
      return null;
    }
    String id = Json.str(x, "id");
    String type = Json.str(x, "type");
    return id == null ? null : new ResourceId(type == null ? "" : type, id);
  }

  private static Map<String, String> links(JsonNode node) {
    if (!node.isObject()) {
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isTextual()) {
                m.put(e.getKey(), v.asText());
              } else if (v.isObject() && v.path("href").isTextual()) {
                m.put(e.getKey(), v.path("href").asText());
              }
            });
    return Collections.unmodifiableMap(m);
  }

  public List<Resource> data() {
    return data;
  }

  public boolean isSingle() {
    return single;
  }

  /** The single primary resource. */
  public Resource single() {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("'data' is empty");
    }
    return data.get(0);
  }

  public Map<String, String> links() {
    return links;
  }

  public JsonNode meta() {
    return meta;
  }

  /** The included resources a relationship of {@code owner} points at, in relationship order. */
  public List<Resource> included(Resource owner, String relationship) {
    List<Resource> out = new ArrayList<>();
    for (ResourceId rid : owner.relationship(relationship).data()) {
      Resource r = included.get(rid);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** {@code meta.next.offset} or the {@code offset} parameter of {@code links.next}, else null. */
  public @Nullable Integer nextOffset() {
    JsonNode n = meta.path("next").path("offset");
    if (n.isNumber() || n.isTextual()) {
      Integer v = Json.toInt(n);
      if (v != null) {
        return v;
      }
    }
    String next = links.get("next");
    if (next != null) {
      int q = next.indexOf('?');
      if (q >= 0) {
        for (String part : next.substring(q + 1).split("&")) {
          if (part.startsWith("offset=")) {
            try {
              return Integer.parseInt(part.substring("offset=".length()));
            } catch (NumberFormatException e) {
              return null;
            }
          }
        }
      }
    }
    return null;
  }

  public @Nullable Integer totalCount() {
    return Json.toInt(meta.path("total_count"));
  }

  public List<String> canInclude() {
    List<String> out = new ArrayList<>();
    JsonNode ci = meta.path("can_include");
    if (ci.isArray()) {
      ci.forEach(x -> out.add(x.asText()));
    }
    return List.copyOf(out);
  }
}
