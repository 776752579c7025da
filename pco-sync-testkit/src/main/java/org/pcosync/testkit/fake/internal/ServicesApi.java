package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services v2 (2018-11-01): people (no create; they arrive through People person_apps), permissions
 * and archiving, read-only tag groups and tags, {@code assign_tags}, email templates.
 *
 * <p>Archiving is not documented by PCO; the fake models it as {@code PATCH permissions: "Archived"}
 * (pco-api.md §6.1), which sets {@code archived} and {@code archived_at}; any other level un-archives.
 *
 * <p>Handlers run while the caller holds the {@link Store} lock.
 */
public final class ServicesApi {
  public static final String VERSION = "2018-11-01";
  public static final List<String> PERMISSIONS = List.of("Archived", "Scheduled Viewer", "Viewer", "Scheduler",
      "Editor", "Administrator");
  static final List<String> ASSIGNABLE = List.of("preferred_app", "onboardings", "access_media_attachments",
      "access_plan_attachments", "access_song_attachments", "current_folder_id", "media_permissions",
      "permissions", "song_permissions");
  static final List<String> INCLUDE = List.of("emails", "tags", "team_leaders");
  private static final List<String> NAME_ATTRS = List.of("first_name", "last_name", "given_name", "middle_name",
      "nickname", "site_administrator", "passed_background_check");

  private final Store store;

  public ServicesApi(Store store) {
    this.store = store;
  }

  /** Adds {@code personId} to Services (idempotent) with {@code permissions}. */
  public static Entity ensureServicesPerson(Store store, String personId, String permissions) {
    Entity existing = store.servicesPeople.get(personId);
    if (existing != null) {
      return existing;
    }
    String now = store.nowText();
    ObjectNode a = Json.object();
    a.put("access_media_attachments", false);
    a.put("access_plan_attachments", false);
    a.put("access_song_attachments", false);
    a.put("archived", false);
    a.putNull("archived_at");
    a.put("assigned_to_rehearsal_team", false);
    a.put("can_edit_all_people", false);
    a.put("can_view_all_people", false);
    a.put("created_at", now);
    a.putNull("facebook_id");
    a.put("ical_code", Long.toHexString(store.random.nextLong()));
    a.putNull("legacy_id");
    a.putNull("logged_in_at");
    a.put("max_permissions", permissions);
    a.put("max_plan_permissions", permissions);
    a.put("me_tab", "blockouts");
    a.put("media_permissions", "Viewer");
    a.put("media_tab", "");
    a.putNull("name_prefix");
    a.putNull("name_suffix");
    a.putNull("notes");
    a.putArray("onboardings");
    a.put("people_tab", "");
    a.put("permissions", permissions);
    a.put("plans_tab", "");
    a.put("praise_charts_enabled", false);
    a.put("preferred_app", "services");
    a.putNull("preferred_max_plans_per_day");
    a.putNull("preferred_max_plans_per_month");
    a.put("song_permissions", "Viewer");
    a.put("songs_tab", "");
    a.put("status", "active");
    a.put("updated_at", now);
    Entity e = new Entity("Person", personId, a, null);
    store.servicesPeople.put(personId, e);
    return e;
  }

  /**
   * Sets a Services permission level ({@code "Archived"} archives; any other level un-archives) on
   * {@code attrs}; does not touch {@code updated_at}.
   */
  public static void setLevel(Store store, ObjectNode attrs, String level) {
    attrs.put("permissions", level);
    if (level.equals("Archived")) {
      if (!attrs.path("archived").asBoolean(false)) {
        attrs.put("archived", true);
        attrs.put("archived_at", store.nowText());
      }
    } else {
      attrs.put("archived", false);
      attrs.putNull("archived_at");
      attrs.put("max_permissions", level);
    }
  }

  public void register(Router r) {
    String id = "(\\d+)";
    String s = "/services/v2";
    r.add("GET", s + "/people", (q, a) -> ApiResponse.jsonApi(200, peopleListing().render(q, views(),
        (e, inc) -> renderPerson(q, e, inc), orgParent())));
    r.add("GET", s + "/people/" + id, (q, a) -> {
      Entity v = view(servicesPerson(a[0]));
      peopleListing().checkIncludes(q);
      return doc(q, v, (e, inc) -> renderPerson(q, e, inc), INCLUDE, 200);
    });
    r.add("PATCH", s + "/people/" + id, (q, a) -> updatePerson(q, a[0]));
    r.add("POST", s + "/people", (q, a) -> Errors.forbidden("You cannot create a Person in Services; add them through People person_apps."));
    r.add("DELETE", s + "/people/" + id, (q, a) -> Errors.forbidden("You cannot destroy this Person."));
    r.add("GET", s + "/people/" + id + "/tags", (q, a) -> {
      Entity p = servicesPerson(a[0]);
      List<Entity> tags = new ArrayList<>();
      for (String t : store.tagsOf(p.id)) {
        if (store.tags.containsKey(t)) {
          tags.add(store.tags.get(t));
        }
      }
      return ApiResponse.jsonApi(200, new Listing(List.of(), List.of(), List.of(), null, Map.of(),
          store.organizationZone).render(q, tags, (e, inc) -> renderTag(q, e), PeopleApi.personParent(p.id)));
    });
    r.add("GET", s + "/people/" + id + "/emails", (q, a) -> {
      Entity p = servicesPerson(a[0]);
      return ApiResponse.jsonApi(200, new Listing(List.of(), List.of(), List.of(), null, Map.of(),
          store.organizationZone).render(q, store.childrenOf(store.emails, p.id),
              (e, inc) -> renderEmail(q, e), PeopleApi.personParent(p.id)));
    });
    r.add("POST", s + "/people/" + id + "/assign_tags", (q, a) -> assignTags(q, a[0]));
    r.add("GET", s + "/tag_groups", (q, a) -> {
      List<Entity> groups = PeopleApi.sorted(store.tagGroups.values());
      String filter = q.param("filter");
      if (filter != null && !filter.isBlank()) {
        groups.removeIf(g -> !filter.trim().equalsIgnoreCase(g.str("tags_for")));
      }
      return ApiResponse.jsonApi(200, new Listing(List.of("name", "tags_for"), List.of(),
          List.of("folder", "tags"), List.of("arrangement", "media", "person", "song"), Map.of(),
          store.organizationZone).render(q, groups, (e, inc) -> renderTagGroup(q, e, inc), orgParent()));
    });
    r.add("GET", s + "/tag_groups/" + id, (q, a) -> {
      Entity g = store.tagGroups.get(a[0]);
      if (g == null) {
        throw new ApiException(Errors.notFound());
      }
      return doc(q, g, (e, inc) -> renderTagGroup(q, e, inc), List.of("folder", "tags"), 200);
    });
    r.add("GET", s + "/tag_groups/" + id + "/tags", (q, a) -> {
      if (!store.tagGroups.containsKey(a[0])) {
        throw new ApiException(Errors.notFound());
      }
      List<Entity> tags = new ArrayList<>(PeopleApi.sorted(store.tags.values()));
      tags.removeIf(t -> !a[0].equals(t.str("tag_group_id")));
      return ApiResponse.jsonApi(200, new Listing(List.of(), List.of(), List.of(), null, Map.of(),
          store.organizationZone).render(q, tags, (e, inc) -> renderTag(q, e),
              Json.object().put("id", a[0]).put("type", "TagGroup")));
    });
    for (String m : List.of("POST", "PATCH", "DELETE")) {
      r.add(m, s + "/tag_groups(?:/\\d+)?", (q, a) -> Errors.forbidden("You cannot " + verb(m) + " a TagGroup."));
      r.add(m, s + "/tag_groups/\\d+/tags(?:/\\d+)?", (q, a) -> Errors.forbidden("You cannot " + verb(m) + " a Tag."));
    }
    new EmailTemplatesApi(store, this).register(r);
  }

  private static String verb(String method) {
    return "POST".equals(method) ? "create" : "PATCH".equals(method) ? "update" : "destroy";
  }

  ObjectNode orgParent() {
    return Json.object().put("id", store.organizationId).put("type", "Organization");
  }

  private Listing peopleListing() {
    return new Listing(List.of("assigned_to_rehearsal_team", "legacy_id"),
        List.of("created_at", "first_name", "last_name", "updated_at"), INCLUDE, null, Map.of(),
        store.organizationZone);
  }

  private Entity servicesPerson(String id) {
    Entity e = store.servicesPeople.get(id);
    if (e == null || !store.people.containsKey(id)) {
      throw new ApiException(Errors.notFound());
    }
    return e;
  }

  private List<Entity> views() {
    List<Entity> out = new ArrayList<>();
    for (Entity e : PeopleApi.sorted(store.servicesPeople.values())) {
      if (store.people.containsKey(e.id)) {
        out.add(view(e));
      }
    }
    return out;
  }

  /** The Services person with the names and dates it mirrors from People. */
  private Entity view(Entity services) {
    Entity p = store.people.get(services.id);
    ObjectNode a = services.attrs.deepCopy();
    for (String n : NAME_ATTRS) {
      a.set(n, p.attrs.get(n) == null ? Json.object().nullNode() : p.attrs.get(n).deepCopy());
    }
    a.put("full_name", p.str("name"));
    for (String d : List.of("birthdate", "anniversary")) {
      String v = p.str(d);
      if (v == null) {
        a.putNull(d);
      } else {
        a.put(d, v + "T00:00:00Z");
      }
    }
    a.put("photo_url", p.str("avatar"));
    a.put("photo_thumbnail_url", p.str("avatar"));
    return new Entity("Person", services.id, a, null);
  }

  private ObjectNode renderPerson(ApiRequest q, Entity v, Included inc) {
    ObjectNode o = PeopleApi.resource(q, v, "/services/v2/people/" + v.id, null);
    ObjectNode rel = Json.object();
    rel.putObject("created_by").putNull("data");
    rel.putObject("updated_by").putNull("data");
    rel.putObject("current_folder").putNull("data");
    for (String name : q.includes()) {
      ObjectNode r = rel.putObject(name);
      r.putObject("links").put("related", q.baseUrl + "/services/v2/people/" + v.id + "/" + name);
      ArrayNode ids = r.putArray("data");
      if (name.equals("tags")) {
        for (String t : store.tagsOf(v.id)) {
          Entity tag = store.tags.get(t);
          if (tag != null) {
            ids.add(PeopleApi.ref(tag));
            inc.add(renderTag(q, tag));
          }
        }
      } else if (name.equals("emails")) {
        for (Entity e : store.childrenOf(store.emails, v.id)) {
          ids.add(PeopleApi.ref(e));
          inc.add(renderEmail(q, e));
        }
      }
    }
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  private ObjectNode renderEmail(ApiRequest q, Entity e) {
    ObjectNode o = PeopleApi.resource(q, e, "/services/v2/people/" + e.personId + "/emails/" + e.id,
        List.of("address", "primary"));
    return o;
  }

  ObjectNode renderTag(ApiRequest q, Entity t) {
    ObjectNode o = PeopleApi.resource(q, t, "/services/v2/tag_groups/" + t.str("tag_group_id") + "/tags/" + t.id,
        List.of("name"));
    ObjectNode rel = Json.object();
    rel.putObject("tag_group").set("data", Json.object().put("type", "TagGroup").put("id", t.str("tag_group_id")));
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  private ObjectNode renderTagGroup(ApiRequest q, Entity g, Included inc) {
    ObjectNode o = PeopleApi.resource(q, g, "/services/v2/tag_groups/" + g.id, List.of("allow_multiple_selections",
        "name", "required", "service_type_folder_name", "tags_for"));
    ObjectNode rel = Json.object();
    if (q.includes().contains("tags")) {
      ObjectNode r = rel.putObject("tags");
      r.putObject("links").put("related", q.baseUrl + "/services/v2/tag_groups/" + g.id + "/tags");
      ArrayNode ids = r.putArray("data");
      for (Entity t : PeopleApi.sorted(store.tags.values())) {
        if (g.id.equals(t.str("tag_group_id"))) {
          ids.add(PeopleApi.ref(t));
          inc.add(renderTag(q, t));
        }
      }
    }
    if (q.includes().contains("folder")) {
      rel.putObject("folder").putNull("data");
    }
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  ApiResponse doc(ApiRequest q, Entity e, java.util.function.BiFunction<Entity, Included, ObjectNode> render,
      List<String> canInclude, int status) {
    ObjectNode doc = Json.object();
    Included inc = new Included();
    doc.set("data", render.apply(e, inc));
    doc.set("included", inc.toArray());
    ObjectNode meta = doc.putObject("meta");
    Listing.putList(meta, "can_include", canInclude);
    meta.set("parent", orgParent());
    return ApiResponse.jsonApi(status, doc);
  }

  private ApiResponse updatePerson(ApiRequest q, String id) {
    Entity p = servicesPerson(id);
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    Writes w = new Writes("Person");
    w.onlyAssignable(attrs, ASSIGNABLE);
    ObjectNode next = p.attrs.deepCopy();
    if (attrs.has("permissions")) {
      String level = w.text(attrs, "permissions");
      String canonical = level == null ? null : PERMISSIONS.stream().filter(l -> l.equalsIgnoreCase(level.trim()))
          .findFirst().orElse(null);
      if (canonical == null) {
        w.invalid("permissions", "inclusion", "is not included in the list");
      } else {
        setLevel(store, next, canonical);
      }
    }
    for (String perm : List.of("media_permissions", "song_permissions")) {
      w.string(attrs, perm, next);
    }
    for (String b : List.of("access_media_attachments", "access_plan_attachments", "access_song_attachments")) {
      w.booleanAttr(attrs, b, next);
    }
    if (attrs.has("preferred_app")) {
      String app = w.text(attrs, "preferred_app");
      if (!List.of("services", "music_stand", "projector").contains(app)) {
        w.invalid("preferred_app", "inclusion", "is not included in the list");
      } else {
        next.put("preferred_app", app);
      }
    }
    if (attrs.has("onboardings") && attrs.get("onboardings").isArray()) {
      next.set("onboardings", attrs.get("onboardings").deepCopy());
    }
    w.throwIfInvalid();
    if (!next.equals(p.attrs)) {
      p.attrs.setAll(next);
      p.attrs.put("updated_at", store.nowText());
    }
    return doc(q, view(p), (e, inc) -> renderPerson(q, e, inc), INCLUDE, 200);
  }

  private ApiResponse assignTags(ApiRequest q, String id) {
    Entity p = servicesPerson(id);
    ObjectNode data = Writes.data(q);
    JsonNode tags = data.path("relationships").path("tags").path("data");
    if (!tags.isArray()) {
      throw new ApiException(Errors.invalidPayload("The payload given does not contain relationships.tags.data."));
    }
    Set<String> next = new LinkedHashSet<>();
    for (JsonNode t : tags) {
      String tagId = t.path("id").asText();
      if (store.tags.containsKey(tagId)) {
        next.add(tagId);
      }
    }
    Set<String> current = store.tagsOf(id);
    if (!current.equals(next)) {
      current.clear();
      current.addAll(next);
      if (store.tagChangesBumpUpdatedAt) {
        p.attrs.put("updated_at", store.nowText());
      }
    }
    return ApiResponse.noContent();
  }
}
