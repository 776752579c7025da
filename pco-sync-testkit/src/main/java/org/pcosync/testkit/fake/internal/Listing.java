package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collection endpoint: the {@code where[...]}, {@code order}, {@code include} and paging rules of a
 * vertex, applied to stored entities, rendered as a JSON:API collection document.
 *
 * <p>Immutable; callers hold the store lock while rendering.
 */
public final class Listing {
  private static final Pattern WHERE = Pattern.compile("where\\[([a-z0-9_]+)](?:\\[(gt|gte|lt|lte)])?");
  private static final int DEFAULT_PER_PAGE = 25;
  private static final int MAX_PER_PAGE = 100;

  private final List<String> canQuery;
  private final List<String> canOrder;
  private final List<String> canInclude;
  private final List<String> canFilter;
  private final Map<String, BiPredicate<Entity, String>> customWhere;
  private final ZoneId zone;

  public Listing(List<String> canQuery, List<String> canOrder, List<String> canInclude,
      List<String> canFilter, Map<String, BiPredicate<Entity, String>> customWhere, ZoneId zone) {
    this.canQuery = canQuery;
    this.canOrder = canOrder;
    this.canInclude = canInclude;
    this.canFilter = canFilter;
    this.customWhere = customWhere;
    this.zone = zone;
  }

  /** Rejects includes the vertex does not offer, as a 400. */
  public void checkIncludes(ApiRequest req) {
    for (String inc : req.includes()) {
      if (!canInclude.contains(inc)) {
        throw new ApiException(Errors.badRequest("invalid_include",
            "The include '" + inc + "' is not valid. Valid includes are: " + String.join(", ", canInclude)));
      }
    }
  }

  /** Filters, orders and pages {@code all}; {@code render} turns one entity into a resource object. */
  public ObjectNode render(ApiRequest req, List<Entity> all, BiFunction<Entity, Included, ObjectNode> render,
      ObjectNode parent) {
    checkIncludes(req);
    checkWhere(req);
    List<Entity> rows = new ArrayList<>();
    for (Entity e : all) {
      if (matches(req, e)) {
        rows.add(e);
      }
    }
    rows.sort(order(req));
    int perPage = intParam(req, "per_page", DEFAULT_PER_PAGE);
    perPage = Math.max(1, Math.min(MAX_PER_PAGE, perPage));
    int offset = Math.max(0, intParam(req, "offset", 0));
    List<Entity> page = offset >= rows.size() ? List.of() : rows.subList(offset, Math.min(rows.size(), offset + perPage));

    ObjectNode doc = Json.object();
    ObjectNode links = doc.putObject("links");
    links.put("self", link(req, null, perPage));
    boolean hasNext = offset + perPage < rows.size();
    if (hasNext) {
      links.put("next", link(req, offset + perPage, perPage));
    }
    if (offset > 0) {
      links.put("prev", link(req, Math.max(0, offset - perPage), perPage));
    }
    ArrayNode data = doc.putArray("data");
    Included included = new Included();
    for (Entity e : page) {
      data.add(render.apply(e, included));
    }
    doc.set("included", included.toArray());
    ObjectNode meta = doc.putObject("meta");
    meta.put("total_count", rows.size());
    meta.put("count", page.size());
    if (hasNext) {
      meta.putObject("next").put("offset", offset + perPage);
    }
    if (offset > 0) {
      meta.putObject("prev").put("offset", Math.max(0, offset - perPage));
    }
    putList(meta, "can_order_by", canOrder);
    putList(meta, "can_query_by", canQuery);
    putList(meta, "can_include", canInclude);
    if (canFilter != null) {
      putList(meta, "can_filter", canFilter);
    }
    if (parent != null) {
      meta.set("parent", parent);
    }
    return doc;
  }

  static void putList(ObjectNode meta, String name, List<String> values) {
    ArrayNode a = meta.putArray(name);
    values.forEach(a::add);
  }

  private static int intParam(ApiRequest req, String name, int dflt) {
    String v = req.param(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(Errors.badRequest(null, name + " must be an integer"));
    }
  }

  /** The page URL: parameters sorted by name, values URL-encoded, as the recordings show. */
  private static String link(ApiRequest req, Integer newOffset, int perPage) {
    TreeMap<String, List<String>> p = new TreeMap<>(req.params);
    if (newOffset != null) {
      p.put("offset", List.of(Integer.toString(newOffset)));
      p.putIfAbsent("per_page", List.of(Integer.toString(perPage)));
    }
    StringBuilder sb = new StringBuilder(req.baseUrl).append(req.path);
    char sep = '?';
    for (Map.Entry<String, List<String>> e : p.entrySet()) {
      for (String v : e.getValue()) {
        sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return sb.toString();
  }

  /** Rejects {@code where[...]} on attributes the vertex cannot be queried by, and unknown filters, as 400s. */
  private void checkWhere(ApiRequest req) {
    for (String key : req.params.keySet()) {
      if (!key.startsWith("where")) {
        continue;
      }
      Matcher m = WHERE.matcher(key);
      if (!m.matches() || !canQuery.contains(m.group(1))) {
        throw new ApiException(Errors.badRequest("invalid_where",
            "Cannot query by " + key + ". Valid attributes are: " + String.join(", ", canQuery)));
      }
    }
    if (req.params.containsKey("filter") && canFilter != null) {
      for (String f : req.param("filter").split(",")) {
        if (!f.isBlank() && !canFilter.contains(f.trim())) {
          throw new ApiException(Errors.badRequest("invalid_filter", "Cannot filter by " + f));
        }
      }
    }
  }

  private boolean matches(ApiRequest req, Entity e) {
    for (Map.Entry<String, List<String>> p : req.params.entrySet()) {
      if (!p.getKey().startsWith("where")) {
        continue;
      }
      Matcher m = WHERE.matcher(p.getKey());
      m.matches();
      String attr = m.group(1);
      String op = m.group(2);
      for (String value : p.getValue()) {
        BiPredicate<Entity, String> custom = customWhere.get(attr);
        boolean ok = custom != null && op == null ? custom.test(e, value) : compare(e, attr, op, value);
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isTime(String attr) {
    return attr.endsWith("_at");
  }

  private boolean compare(Entity e, String attr, String op, String value) {
    JsonNode stored = "id".equals(attr) ? Json.object().put("id", e.id).get("id") : e.attrs.get(attr);
    if (stored == null || stored.isNull()) {
      return false;
    }
    if (isTime(attr)) {
      Instant have = Formats.instant(stored.asText(), zone);
      Instant want = Formats.instant(value, zone);
      if (have == null || want == null) {
        throw new ApiException(Errors.badRequest("invalid_where", "Invalid time: " + value));
      }
      if (op == null) {
        LocalDate day = Formats.date(value);
        if (day != null) {
          return !have.isBefore(want) && have.isBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
        }
        return have.equals(want);
      }
      return cmpOk(op, have.compareTo(want));
    }
    if (stored.isBoolean()) {
      return op == null && stored.asBoolean() == Boolean.parseBoolean(value.trim());
    }
    if (stored.isNumber()) {
      try {
        int c = Long.compare(stored.asLong(), Long.parseLong(value.trim()));
        return op == null ? c == 0 : cmpOk(op, c);
      } catch (NumberFormatException ex) {
        return false;
      }
    }
    String have = stored.asText().toLowerCase(Locale.ROOT);
    String want = value.toLowerCase(Locale.ROOT);
    if (op != null) {
      return cmpOk(op, have.compareTo(want));
    }
    return wildcard(have, want);
  }

  /** Case-insensitive equality with PCO's {@code %} prefix/suffix wildcards. */
  public static boolean wildcard(String have, String want) {
    boolean starts = want.startsWith("%");
    boolean ends = want.endsWith("%") && want.length() > 1;
    String core = want.substring(starts ? 1 : 0, want.length() - (ends ? 1 : 0));
    if (starts && ends) {
      return have.contains(core);
    } else if (starts) {
      return have.endsWith(core);
    } else if (ends) {
      return have.startsWith(core);
    }
    return have.equals(core);
  }

  private static boolean cmpOk(String op, int c) {
    switch (op) {
      case "gt":
        return c > 0;
      case "gte":
        return c >= 0;
      case "lt":
        return c < 0;
      default:
        return c <= 0;
    }
  }

  private Comparator<Entity> order(ApiRequest req) {
    Comparator<Entity> cmp = null;
    String order = req.param("order");
    if (order != null && !order.isBlank()) {
      for (String key : order.split(",")) {
        boolean desc = key.startsWith("-");
        String attr = desc ? key.substring(1) : key;
        if (!canOrder.contains(attr)) {
          throw new ApiException(Errors.badRequest("invalid_order",
              "Cannot order by " + attr + ". Valid attributes are: " + String.join(", ", canOrder)));
        }
        Comparator<Entity> c = Comparator.comparing(en -> sortKey(en, attr),
            Comparator.nullsLast(Comparator.naturalOrder()));
        if (desc) {
          c = Comparator.comparing(en -> sortKey(en, attr), Comparator.nullsFirst(Comparator.<String>naturalOrder()).reversed());
        }
        cmp = cmp == null ? c : cmp.thenComparing(c);
      }
    }
    Comparator<Entity> byId = Comparator.comparingLong(Entity::numericId);
    return cmp == null ? byId : cmp.thenComparing(byId);
  }

  private static String sortKey(Entity e, String attr) {
    JsonNode v = e.attrs.get(attr);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return String.format(Locale.ROOT, "%020d", v.asLong() + Long.MAX_VALUE / 2);
    }
    return v.asText().toLowerCase(Locale.ROOT);
  }
}
