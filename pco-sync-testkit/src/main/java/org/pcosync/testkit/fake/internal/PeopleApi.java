package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * People v2: people, emails, phone numbers, addresses, field definitions/data, person apps, apps,
 * person mergers, {@code /me} and the organization, shaped per {@code X-PCO-API-Version}.
 *
 * <p>Handlers run while the caller holds the {@link Store} lock.
 */
public final class PeopleApi {
  public static final String V2018 = "2018-08-01";
  public static final String V_GENDER_WORDS = "2022-07-14";
  public static final String V_STREET_LINES = "2023-03-21";
  public static final String V_NO_GENDER_REL = "2025-11-10";
  /** Known People versions; a request is processed as the newest one at or before the one it asks for. */
  public static final List<String> VERSIONS = List.of("2018-08-01", "2019-01-14", "2019-10-10", "2020-04-06",
      "2020-07-22", "2021-08-17", "2022-01-05", "2022-01-28", "2022-07-14", "2023-02-15", "2023-03-21",
      "2024-09-12", "2025-03-20", "2025-07-02", "2025-07-17", "2025-11-10");

  static final List<String> PERSON_ATTRS_2018 = List.of("accounting_administrator", "anniversary", "avatar",
      "birthdate", "child", "created_at", "demographic_avatar_url", "first_name", "gender", "given_name", "grade",
      "graduation_year", "inactivated_at", "last_name", "medical_notes", "membership", "middle_name", "name",
      "nickname", "passed_background_check", "people_permissions", "remote_id", "school_type",
      "site_administrator", "status", "updated_at");
  static final List<String> PERSON_ATTRS_2022 = concat(PERSON_ATTRS_2018, "can_create_forms", "directory_status");
  static final List<String> PERSON_ATTRS_2023 = concat(PERSON_ATTRS_2022, "can_email_lists",
      "login_identifier", "resource_permission_flags");
  static final List<String> PERSON_ASSIGNABLE = List.of("accounting_administrator", "anniversary", "birthdate",
      "child", "given_name", "grade", "graduation_year", "middle_name", "nickname", "people_permissions",
      "site_administrator", "gender", "inactivated_at", "medical_notes", "membership",
      "stripe_customer_identifier", "avatar", "first_name", "last_name", "gender_id", "primary_campus_id",
      "remote_id", "status");
  /** {@code meta.can_query_by} as recorded (2018-08-01). */
  static final List<String> PERSON_QUERY_2018 = List.of("given_name", "first_name", "nickname", "middle_name",
      "last_name", "birthdate", "anniversary", "gender", "grade", "child", "school_type", "graduation_year",
      "site_administrator", "accounting_administrator", "people_permissions", "membership", "inactivated_at",
      "status", "medical_notes", "created_at", "updated_at", "search_name", "search_name_or_email",
      "search_name_or_email_or_phone_number", "remote_id", "id");
  static final List<String> PERSON_ORDER_2018 = List.of("given_name", "first_name", "nickname", "middle_name",
      "last_name", "birthdate", "anniversary", "gender", "grade", "child", "school_type", "graduation_year",
      "site_administrator", "accounting_administrator", "people_permissions", "membership", "inactivated_at",
      "status", "created_at", "updated_at", "remote_id");
  /** {@code can_query} of the documentation-API person vertex (2025). */
  static final List<String> PERSON_QUERY = List.of("accounting_administrator", "anniversary", "birthdate", "child",
      "created_at", "first_name", "gender", "given_name", "grade", "graduation_year", "id", "inactivated_at",
      "last_name", "medical_notes", "membership", "mfa_configured", "middle_name", "nickname",
      "people_permissions", "primary_campus_id", "remote_id", "search_name", "search_name_or_email",
      "search_name_or_email_or_phone_number", "search_phone_number", "search_phone_number_e164",
      "site_administrator", "status", "updated_at");
  static final List<String> PERSON_ORDER = List.of("accounting_administrator", "anniversary", "birthdate", "child",
      "created_at", "first_name", "gender", "given_name", "grade", "graduation_year", "inactivated_at",
      "last_name", "membership", "middle_name", "nickname", "people_permissions", "remote_id",
      "site_administrator", "status", "updated_at");
  static final List<String> PERSON_INCLUDE = List.of("addresses", "emails", "field_data", "households",
      "inactive_reason", "marital_status", "name_prefix", "name_suffix", "organization", "person_apps",
      "phone_numbers", "platform_notifications", "primary_campus", "school", "social_profiles");
  static final List<String> PERSON_FILTER = List.of("created_since", "admins", "organization_admins");
  static final List<String> PERSON_LINKS = List.of("addresses", "apps", "connected_people", "emails",
      "field_data", "household_memberships", "households", "inactive_reason", "marital_status", "message_groups",
      "messages", "name_prefix", "name_suffix", "notes", "organization", "person_apps", "phone_numbers",
      "platform_notifications", "primary_campus", "school", "social_profiles", "workflow_cards");
  private static final Set<String> NULL_LINKS = Set.of("inactive_reason", "marital_status", "name_prefix",
      "name_suffix", "primary_campus", "school");

  static final List<String> EMAIL_ASSIGNABLE = List.of("address", "location", "primary");
  static final List<String> EMAIL_QUERY = List.of("address", "blocked", "created_at", "location", "primary",
      "updated_at");
  static final List<String> EMAIL_ORDER = List.of("address", "created_at", "location", "primary", "updated_at");
  static final List<String> PHONE_ASSIGNABLE = List.of("number", "carrier", "location", "primary");
  static final List<String> PHONE_QUERY = List.of("carrier", "created_at", "location", "number", "primary",
      "updated_at");
  static final List<String> PHONE_ORDER = PHONE_QUERY;
  static final List<String> PHONE_LOCATIONS = List.of("Mobile", "Home", "Work", "Other");
  static final List<String> ADDRESS_ASSIGNABLE = List.of("city", "state", "zip", "country_code", "location",
      "primary", "street_line_1", "street_line_2");
  static final List<String> ADDRESS_ASSIGNABLE_OLD = List.of("city", "state", "zip", "street", "location",
      "primary");
  static final List<String> ADDRESS_QUERY = List.of("city", "country_code", "location", "primary", "state",
      "street_line_1", "street_line_2", "zip");
  static final List<String> ADDRESS_QUERY_OLD = List.of("city", "location", "primary", "state", "street", "zip");
  static final List<String> ADDRESS_ORDER = List.of("city", "country_code", "created_at", "location", "primary",
      "state", "street_line_1", "street_line_2", "updated_at", "zip");
  static final List<String> ADDRESS_ORDER_OLD = List.of("city", "created_at", "location", "primary", "state",
      "street", "updated_at", "zip");
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Store store;
  private final PeopleExtrasApi extras;

  public PeopleApi(Store store) {
    this.store = store;
    this.extras = new PeopleExtrasApi(store, this);
  }

  static List<String> concat(List<String> a, String... more) {
    return Stream.concat(a.stream(), Arrays.stream(more)).collect(Collectors.toUnmodifiableList());
  }

  public void register(Router r) {
    String id = "(\\d+)";
    String p = "/people/v2";
    r.add("GET", p + "/?", (q, a) -> organizationDoc(q));
    r.add("GET", p + "/me", (q, a) -> me(q));
    r.add("GET", p + "/people", (q, a) -> listPeople(q));
    r.add("POST", p + "/people", (q, a) -> createPerson(q));
    r.add("GET", p + "/people/" + id, (q, a) -> personDoc(q, person(a[0]), 200));
    r.add("PATCH", p + "/people/" + id, (q, a) -> updatePerson(q, a[0]));
    r.add("DELETE", p + "/people/" + id, (q, a) -> deletePerson(a[0]));
    r.add("GET", p + "/people/" + id + "/organization", (q, a) -> {
      person(a[0]);
      return organizationDoc(q);
    });
    for (Child c : children()) {
      r.add("GET", p + "/" + c.path, (q, a) -> ApiResponse.jsonApi(200, c.listing(this, q).render(q,
          sorted(c.table(store).values()), (e, inc) -> c.render(this, q, e), orgParent())));
      r.add("GET", p + "/people/" + id + "/" + c.path, (q, a) -> ApiResponse.jsonApi(200,
          c.listing(this, q).render(q, store.childrenOf(c.table(store), person(a[0]).id),
              (e, inc) -> c.render(this, q, e), personParent(a[0]))));
      r.add("POST", p + "/people/" + id + "/" + c.path, (q, a) -> createChild(q, c, a[0]));
      r.add("GET", p + "/" + c.path + "/" + id, (q, a) -> singleChild(q, c, a[0]));
      r.add("GET", p + "/people/" + id + "/" + c.path + "/" + id, (q, a) -> singleChild(q, c, a[1]));
      r.add("PATCH", p + "/" + c.path + "/" + id, (q, a) -> updateChild(q, c, a[0]));
      r.add("PATCH", p + "/people/" + id + "/" + c.path + "/" + id, (q, a) -> updateChild(q, c, a[1]));
      r.add("DELETE", p + "/" + c.path + "/" + id, (q, a) -> deleteChild(c, a[0]));
      r.add("DELETE", p + "/people/" + id + "/" + c.path + "/" + id, (q, a) -> deleteChild(c, a[1]));
      r.add("GET", p + "/" + c.path + "/" + id + "/person", (q, a) -> {
        Entity child = childOrThrow(c, a[0]);
        return personDoc(q, person(child.personId), 200);
      });
    }
    r.add("GET", p + "/person_mergers", (q, a) -> ApiResponse.jsonApi(200, mergerListing().render(q,
        sorted(store.mergers.values()), (e, inc) -> renderMerger(q, e), orgParent())));
    r.add("GET", p + "/person_mergers/" + id, (q, a) -> {
      Entity m = store.mergers.get(a[0]);
      if (m == null) {
        throw new ApiException(Errors.notFound());
      }
      return single(q, m, (e, inc) -> renderMerger(q, e), List.of(), orgParent());
    });
    r.add("GET", p + "/apps", (q, a) -> ApiResponse.jsonApi(200, new Listing(List.of("name", "url"),
        List.of("name", "url"), List.of(), null, Map.of(), store.organizationZone).render(q,
        sorted(store.apps.values()), (e, inc) -> resource(q, e, "/people/v2/apps/" + e.id, null), orgParent())));
    extras.register(r);
  }

  // ---------------------------------------------------------------- lookups

  /** The stored person, or a 404. */
  public Entity person(String id) {
    Entity p = store.people.get(id);
    if (p == null) {
      throw new ApiException(Errors.notFound());
    }
    return p;
  }

  static List<Entity> sorted(java.util.Collection<Entity> entities) {
    List<Entity> l = new ArrayList<>(entities);
    l.sort(java.util.Comparator.comparingLong(Entity::numericId));
    return l;
  }

  ObjectNode orgParent() {
    return Json.object().put("id", store.organizationId).put("type", "Organization");
  }

  static ObjectNode personParent(String personId) {
    return Json.object().put("id", personId).put("type", "Person");
  }

  // ---------------------------------------------------------------- documents

  ApiResponse single(ApiRequest q, Entity e, BiFunction<Entity, Included, ObjectNode> render,
      List<String> canInclude, ObjectNode parent) {
    for (String inc : q.includes()) {
      if (!canInclude.contains(inc)) {
        throw new ApiException(Errors.badRequest("invalid_include", "The include '" + inc + "' is not valid."));
      }
    }
    return ApiResponse.jsonApi(200, singleDoc(q, e, render, canInclude, parent, false));
  }

  ObjectNode singleDoc(ApiRequest q, Entity e, BiFunction<Entity, Included, ObjectNode> render, List<String> canInclude,
      ObjectNode parent, boolean fullLinks) {
    ObjectNode doc = Json.object();
    Included inc = new Included();
    ObjectNode data = render.apply(e, inc);
    if (fullLinks && "Person".equals(e.type)) {
      data.set("links", personLinks(q.baseUrl, e.id));
    }
    doc.set("data", data);
    doc.set("included", inc.toArray());
    ObjectNode meta = doc.putObject("meta");
    Listing.putList(meta, "can_include", canInclude);
    meta.set("parent", parent);
    return doc;
  }

  private ApiResponse organizationDoc(ApiRequest q) {
    ObjectNode doc = Json.object();
    doc.set("data", organization(q));
    doc.putArray("included");
    doc.putObject("meta");
    return ApiResponse.jsonApi(200, doc);
  }

  ObjectNode organization(ApiRequest q) {
    ObjectNode o = Json.object();
    o.put("type", "Organization");
    o.put("id", store.organizationId);
    ObjectNode a = o.putObject("attributes");
    a.putNull("country_code");
    a.put("date_format", "%m/%d/%Y");
    a.put("name", store.organizationName);
    a.put("time_zone", store.organizationZone.getId());
    o.putObject("links").put("self", q.baseUrl + "/people/v2");
    return o;
  }

  private ObjectNode personLinks(String base, String id) {
    ObjectNode l = Json.object();
    String self = base + "/people/v2/people/" + id;
    l.put("", self + "/");
    for (String name : PERSON_LINKS) {
      if (NULL_LINKS.contains(name)) {
        l.putNull(name);
      } else {
        l.put(name, self + "/" + name);
      }
    }
    l.put("self", self);
    return l;
  }

  static ObjectNode resource(ApiRequest q, Entity e, String selfPath, List<String> attrNames) {
    ObjectNode o = Json.object();
    o.put("type", e.type);
    o.put("id", e.id);
    ObjectNode a = o.putObject("attributes");
    List<String> names = new ArrayList<>();
    if (attrNames == null) {
      e.attrs.fieldNames().forEachRemaining(names::add);
    } else {
      names.addAll(attrNames);
    }
    names.sort(null);
    for (String n : names) {
      JsonNode v = e.attrs.get(n);
      a.set(n, v == null ? Json.object().nullNode() : v.deepCopy());
    }
    o.putObject("links").put("self", q.baseUrl + selfPath);
    return o;
  }

  ObjectNode renderPerson(ApiRequest q, Entity p, Included inc) {
    List<String> names = q.atLeast(V_STREET_LINES) ? PERSON_ATTRS_2023
        : q.atLeast(V_GENDER_WORDS) ? PERSON_ATTRS_2022 : PERSON_ATTRS_2018;
    ObjectNode o = resource(q, p, "/people/v2/people/" + p.id, names);
    ObjectNode a = (ObjectNode) o.get("attributes");
    if (!q.atLeast(V_GENDER_WORDS) && a.hasNonNull("gender")) {
      a.put("gender", a.get("gender").asText().substring(0, 1));
    }
    ObjectNode rel = Json.object();
    rel.putObject("primary_campus").putNull("data");
    if (q.atLeast(V_GENDER_WORDS) && !q.atLeast(V_NO_GENDER_REL)) {
      ObjectNode g = rel.putObject("gender");
      if (p.attrs.hasNonNull("gender")) {
        g.putObject("data").put("type", "Gender").put("id", p.attrs.get("gender").asText().startsWith("M") ? "1" : "2");
      } else {
        g.putNull("data");
      }
    }
    String related = q.baseUrl + "/people/v2/people/" + p.id + "/";
    for (String name : q.includes()) {
      ObjectNode r = Json.object();
      r.putObject("links").put("related", related + name);
      Child child = childByPath(name);
      if (child != null) {
        ArrayNode ids = r.putArray("data");
        for (Entity c : store.childrenOf(child.table(store), p.id)) {
          ids.add(ref(c));
          inc.add(child.render(this, q, c));
        }
      } else if (name.equals("organization")) {
        r.putObject("data").put("type", "Organization").put("id", store.organizationId);
        ObjectNode org = organization(q);
        ((ObjectNode) org.get("links")).put("self", related + "organization");
        inc.add(org);
      } else if (name.equals("field_data")) {
        ArrayNode ids = r.putArray("data");
        for (Entity c : store.childrenOf(store.fieldData, p.id)) {
          ids.add(ref(c));
          inc.add(extras.renderDatum(q, c));
        }
      } else if (name.equals("person_apps")) {
        ArrayNode ids = r.putArray("data");
        for (Entity c : store.childrenOf(store.personApps, p.id)) {
          ids.add(ref(c));
          inc.add(renderPersonApp(q, c));
        }
      } else if (NULL_LINKS.contains(name)) {
        r.putNull("data");
      } else {
        r.putArray("data");
      }
      rel.set(name, r);
    }
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  static ObjectNode ref(Entity e) {
    return Json.object().put("type", e.type).put("id", e.id);
  }

  ObjectNode renderOwned(ApiRequest q, Entity e, String selfPath, List<String> names) {
    ObjectNode o = resource(q, e, selfPath, names);
    ObjectNode rel = Json.object();
    rel.putObject("person").set("data", personParent(e.personId));
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  ObjectNode renderEmail(ApiRequest q, Entity e) {
    List<String> names = q.atLeast(V_GENDER_WORDS)
        ? List.of("address", "blocked", "created_at", "location", "primary", "updated_at")
        : List.of("address", "created_at", "location", "primary", "updated_at");
    return renderOwned(q, e, "/people/v2/emails/" + e.id, names);
  }

  ObjectNode renderPhone(ApiRequest q, Entity e) {
    return renderOwned(q, e, "/people/v2/phone_numbers/" + e.id, List.of("carrier", "country_code",
        "created_at", "e164", "international", "location", "national", "number", "primary", "updated_at"));
  }

  ObjectNode renderAddress(ApiRequest q, Entity e) {
    if (q.atLeast(V_STREET_LINES)) {
      return renderOwned(q, e, "/people/v2/addresses/" + e.id, List.of("city", "country_code", "country_name",
          "created_at", "location", "primary", "state", "street_line_1", "street_line_2", "updated_at", "zip"));
    }
    Entity old = new Entity(e.type, e.id, e.attrs.deepCopy(), e.personId);
    old.attrs.put("street", oldStreet(e.attrs));
    return renderOwned(q, old, "/people/v2/addresses/" + e.id, List.of("city", "created_at", "location",
        "primary", "state", "street", "updated_at", "zip"));
  }

  static String oldStreet(ObjectNode a) {
    String l1 = Json.text(a.get("street_line_1"));
    String l2 = Json.text(a.get("street_line_2"));
    if (l2 == null || l2.isBlank()) {
      return l1;
    }
    return (l1 == null ? "" : l1) + "\n" + l2;
  }

  ObjectNode renderPersonApp(ApiRequest q, Entity e) {
    ObjectNode o = resource(q, e, "/people/v2/people/" + e.personId + "/person_apps/" + e.id,
        List.of("allow_pco_login", "people_permissions"));
    ObjectNode rel = Json.object();
    rel.putObject("app").set("data", Json.object().put("type", "App").put("id", e.str("app_id")));
    rel.putObject("person").set("data", personParent(e.personId));
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  private ObjectNode renderMerger(ApiRequest q, Entity e) {
    ObjectNode o = resource(q, e, "/people/v2/person_mergers/" + e.id,
        List.of("created_at", "person_to_keep_id", "person_to_remove_id"));
    ObjectNode rel = Json.object();
    rel.putObject("person_to_keep").set("data", personParent(e.str("person_to_keep_id")));
    rel.putObject("person_to_remove").set("data", personParent(e.str("person_to_remove_id")));
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  private Listing mergerListing() {
    return new Listing(List.of("created_at", "person_to_keep_id", "person_to_remove_id"), List.of("created_at"),
        List.of(), null, Map.of(), store.organizationZone);
  }

  // ---------------------------------------------------------------- children (emails, phones, addresses)

  /** A person-owned collection: emails, phone_numbers, addresses. */
  public enum Child {
    EMAILS("emails", "Email"), PHONES("phone_numbers", "PhoneNumber"), ADDRESSES("addresses", "Address");

    final String path;
    final String type;

    Child(String path, String type) {
      this.path = path;
      this.type = type;
    }

    public Map<String, Entity> table(Store s) {
      switch (this) {
        case EMAILS:
          return s.emails;
        case PHONES:
          return s.phones;
        default:
          return s.addresses;
      }
    }

    ObjectNode render(PeopleApi api, ApiRequest q, Entity e) {
      switch (this) {
        case EMAILS:
          return api.renderEmail(q, e);
        case PHONES:
          return api.renderPhone(q, e);
        default:
          return api.renderAddress(q, e);
      }
    }

    Listing listing(PeopleApi api, ApiRequest q) {
      ZoneId zone = api.store.organizationZone;
      switch (this) {
        case EMAILS:
          return new Listing(EMAIL_QUERY, EMAIL_ORDER, List.of(), null, Map.of(), zone);
        case PHONES:
          return new Listing(PHONE_QUERY, PHONE_ORDER, List.of(), null, Map.of(), zone);
        default:
          boolean lines = q.atLeast(V_STREET_LINES);
          return new Listing(lines ? ADDRESS_QUERY : ADDRESS_QUERY_OLD, lines ? ADDRESS_ORDER : ADDRESS_ORDER_OLD,
              List.of(), null, Map.of("street", (e, v) -> Listing.wildcard(
                  String.valueOf(oldStreet(e.attrs)).toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT))), zone);
      }
    }
  }

  private static Child[] children() {
    return Child.values();
  }

  public static Child childByPath(String path) {
    for (Child c : Child.values()) {
      if (c.path.equals(path)) {
        return c;
      }
    }
    return null;
  }

  private Entity childOrThrow(Child c, String id) {
    Entity e = c.table(store).get(id);
    if (e == null) {
      throw new ApiException(Errors.notFound());
    }
    return e;
  }

  private ApiResponse singleChild(ApiRequest q, Child c, String id) {
    Entity e = childOrThrow(c, id);
    return single(q, e, (x, inc) -> c.render(this, q, x), List.of(), personParent(e.personId));
  }

  private ApiResponse createChild(ApiRequest q, Child c, String personId) {
    person(personId);
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    Entity e = createChildEntity(q, c, personId, attrs);
    ObjectNode doc = singleDoc(q, e, (x, inc) -> c.render(this, q, x), List.of(), personParent(personId), false);
    return ApiResponse.jsonApi(201, doc);
  }

  /** Validates and stores a new email/phone/address of {@code personId}; bumps the person. */
  public Entity createChildEntity(ApiRequest q, Child c, String personId, ObjectNode attrs) {
    person(personId);
    Entity e = new Entity(c.type, store.nextId(), Json.object(), personId);
    String now = store.nowText();
    e.attrs.put("created_at", now);
    e.attrs.put("updated_at", now);
    ObjectNode next = applyChild(q, c, e, attrs, true);
    e.attrs.setAll(next);
    c.table(store).put(e.id, e);
    fixPrimary(c, e);
    store.touchPerson(personId);
    return e;
  }

  /** Validates and applies a change to a stored email/phone/address; bumps the person when it changed. */
  public void updateChildEntity(ApiRequest q, Child c, Entity e, ObjectNode attrs) {
    ObjectNode next = applyChild(q, c, e, attrs, false);
    if (!next.equals(e.attrs)) {
      e.attrs.setAll(next);
      e.attrs.put("updated_at", store.nowText());
      fixPrimary(c, e);
      store.touchPerson(e.personId);
    }
  }

  /** A request processed as the newest version, for seeding through the same validation. */
  public static ApiRequest internalRequest(String baseUrl) {
    return new ApiRequest("POST", "/", "", "", VERSIONS.get(VERSIONS.size() - 1), baseUrl, null);
  }

  /** Validates and stores a new person; {@code id} may be fixed (seeding) or null. */
  public Entity createPersonEntity(String id, ObjectNode attrs, Instant createdAt) {
    String pid = id == null ? store.nextId() : store.reserveId(id);
    if (store.people.containsKey(pid)) {
      throw new IllegalArgumentException("person " + pid + " already exists");
    }
    ObjectNode next = newPersonAttrs(Formats.timestamp(createdAt == null ? store.now() : createdAt));
    applyPerson(pid, next, attrs, true);
    Entity p = new Entity("Person", pid, next, null);
    store.people.put(pid, p);
    return p;
  }

  /** Validates and applies a person change; bumps {@code updated_at} unless only medical notes changed. */
  public void updatePersonEntity(Entity p, ObjectNode attrs) {
    ObjectNode next = p.attrs.deepCopy();
    applyPerson(p.id, next, attrs, false);
    ObjectNode before = p.attrs.deepCopy();
    before.remove("medical_notes");
    ObjectNode after = next.deepCopy();
    after.remove("medical_notes");
    boolean bump = !before.equals(after);
    p.attrs.setAll(next);
    if (bump) {
      p.attrs.put("updated_at", store.nowText());
    }
  }

  private ApiResponse updateChild(ApiRequest q, Child c, String id) {
    Entity e = childOrThrow(c, id);
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    updateChildEntity(q, c, e, attrs);
    return ApiResponse.jsonApi(200,
        singleDoc(q, e, (x, inc) -> c.render(this, q, x), List.of(), personParent(e.personId), false));
  }

  /** Deletes a stored email/phone/address, bumping its person. */
  public ApiResponse deleteChild(Child c, String id) {
    Entity e = childOrThrow(c, id);
    c.table(store).remove(id);
    store.touchPerson(e.personId);
    return ApiResponse.noContent();
  }

  /** One primary per person and kind: the first is primary; a new primary demotes the others. */
  private void fixPrimary(Child c, Entity changed) {
    List<Entity> siblings = store.childrenOf(c.table(store), changed.personId);
    if (changed.bool("primary")) {
      for (Entity s : siblings) {
        if (s != changed && s.bool("primary")) {
          s.attrs.put("primary", false);
        }
      }
    } else if (siblings.stream().noneMatch(s -> s.bool("primary")) && !siblings.isEmpty()) {
      siblings.get(0).attrs.put("primary", true);
    }
  }

  /** Validates a child write and returns the attributes it would leave stored. */
  ObjectNode applyChild(ApiRequest q, Child c, Entity current, ObjectNode attrs, boolean create) {
    Writes w = new Writes(c.type);
    ObjectNode next = current.attrs.deepCopy();
    switch (c) {
      case EMAILS:
        w.onlyAssignable(attrs, EMAIL_ASSIGNABLE);
        if (attrs.has("address") || create) {
          String address = w.text(attrs, "address");
          if (address == null || address.isBlank()) {
            w.invalid("address", "blank", "can't be blank");
          } else if (!EMAIL.matcher(address.trim()).matches()) {
            w.invalid("address", "invalid", "is invalid");
          } else {
            next.put("address", address.trim());
          }
        }
        w.string(attrs, "location", next);
        if (create && !next.has("location")) {
          next.put("location", "Home");
        }
        w.booleanAttr(attrs, "primary", next);
        if (create) {
          next.putIfAbsent("primary", Json.object().booleanNode(false));
          next.put("blocked", false);
        }
        break;
      case PHONES:
        w.onlyAssignable(attrs, PHONE_ASSIGNABLE);
        if (attrs.has("number") || create) {
          String number = w.text(attrs, "number");
          if (number == null || number.isBlank()) {
            w.invalid("number", "blank", "can't be blank");
          } else if (!Formats.formatPhone(number, next)) {
            w.invalid("number", "invalid", "is invalid");
          }
        }
        if (attrs.has("location") || create) {
          String loc = w.text(attrs, "location");
          String canonical = loc == null ? null : PHONE_LOCATIONS.stream()
              .filter(l -> l.equalsIgnoreCase(loc.trim())).findFirst().orElse(null);
          if (loc == null || loc.isBlank()) {
            w.invalid("location", "blank", "can't be blank");
          } else if (canonical == null) {
            w.invalid("location", "inclusion", "is not included in the list");
          } else {
            next.put("location", canonical);
          }
        }
        w.string(attrs, "carrier", next);
        w.booleanAttr(attrs, "primary", next);
        if (create) {
          next.putIfAbsent("carrier", Json.object().nullNode());
          next.putIfAbsent("primary", Json.object().booleanNode(false));
        }
        break;
      default:
        boolean lines = q.atLeast(V_STREET_LINES);
        w.onlyAssignable(attrs, lines ? ADDRESS_ASSIGNABLE : ADDRESS_ASSIGNABLE_OLD);
        for (String s : List.of("city", "state", "zip", "location", "street_line_1", "street_line_2")) {
          if (lines || !s.startsWith("street")) {
            w.string(attrs, s, next);
          }
        }
        if (!lines && attrs.has("street")) {
          String street = w.text(attrs, "street");
          String[] parts = street == null ? new String[] {null} : street.split("\n", 2);
          next.put("street_line_1", parts[0]);
          next.put("street_line_2", parts.length > 1 ? parts[1] : null);
        }
        if (lines && attrs.has("country_code")) {
          String cc = w.text(attrs, "country_code");
          if (cc == null || cc.isBlank()) {
            next.putNull("country_code");
            next.putNull("country_name");
          } else if (!cc.trim().matches("[A-Za-z]{2}")) {
            w.invalid("country_code", "invalid", "is invalid");
          } else {
            String code = cc.trim().toUpperCase(Locale.ROOT);
            next.put("country_code", code);
            next.put("country_name", new Locale("", code).getDisplayCountry(Locale.ENGLISH));
          }
        }
        w.booleanAttr(attrs, "primary", next);
        if (create) {
          for (String s : List.of("city", "state", "zip", "street_line_1", "street_line_2", "country_code",
              "country_name")) {
            next.putIfAbsent(s, Json.object().nullNode());
          }
          next.putIfAbsent("location", Json.object().textNode("Home"));
          next.putIfAbsent("primary", Json.object().booleanNode(false));
        }
        break;
    }
    w.throwIfInvalid();
    return next;
  }

  // ---------------------------------------------------------------- people

  private Listing personListing(ApiRequest q) {
    Map<String, BiPredicate<Entity, String>> custom = new LinkedHashMap<>();
    custom.put("search_name", (e, v) -> nameMatches(e, v));
    custom.put("search_name_or_email", (e, v) -> nameMatches(e, v) || emailMatches(e, v) || phoneMatches(e, v));
    custom.put("search_name_or_email_or_phone_number",
        (e, v) -> nameMatches(e, v) || emailMatches(e, v) || phoneMatches(e, v));
    custom.put("search_phone_number", this::phoneMatches);
    custom.put("search_phone_number_e164", (e, v) -> store.childrenOf(store.phones, e.id).stream()
        .anyMatch(ph -> v.trim().equals(ph.str("e164"))));
    custom.put("primary_campus_id", (e, v) -> false);
    custom.put("mfa_configured", (e, v) -> !Boolean.parseBoolean(v));
    custom.put("gender", (e, v) -> {
      String g = e.str("gender");
      String want = v.trim().toLowerCase(Locale.ROOT);
      return g != null && (g.equalsIgnoreCase(want) || g.substring(0, 1).equalsIgnoreCase(want));
    });
    boolean current = q.atLeast(V_STREET_LINES);
    return new Listing(current ? PERSON_QUERY : PERSON_QUERY_2018, current ? PERSON_ORDER : PERSON_ORDER_2018,
        PERSON_INCLUDE, PERSON_FILTER, custom, store.organizationZone);
  }

  private boolean nameMatches(Entity e, String v) {
    String want = v.trim().toLowerCase(Locale.ROOT);
    if (want.isEmpty()) {
      return false;
    }
    for (String first : new String[] {e.str("first_name"), e.str("given_name"), e.str("nickname")}) {
      String full = ((first == null ? "" : first) + " " + (e.str("last_name") == null ? "" : e.str("last_name")))
          .trim().toLowerCase(Locale.ROOT);
      if (!full.isEmpty() && full.contains(want)) {
        return true;
      }
    }
    return false;
  }

  private boolean emailMatches(Entity e, String v) {
    String want = v.trim().toLowerCase(Locale.ROOT);
    return !want.isEmpty() && store.childrenOf(store.emails, e.id).stream()
        .anyMatch(em -> em.str("address") != null && em.str("address").toLowerCase(Locale.ROOT).contains(want));
  }

  private boolean phoneMatches(Entity e, String v) {
    String want = Formats.digits(v);
    return want.length() >= 4 && store.childrenOf(store.phones, e.id).stream()
        .anyMatch(ph -> Formats.digits(ph.str("number")).contains(want)
            || Formats.digits(ph.str("e164")).endsWith(want));
  }

  private ApiResponse listPeople(ApiRequest q) {
    List<Entity> all = sorted(store.people.values());
    String filter = q.param("filter");
    if (filter != null) {
      for (String f : filter.split(",")) {
        if (f.trim().equals("admins")) {
          all.removeIf(e -> !e.bool("site_administrator"));
        } else if (f.trim().equals("organization_admins")) {
          all.removeIf(e -> !store.organizationAdmins.contains(e.id));
        } else if (f.trim().equals("created_since")) {
          Instant since = Formats.instant(q.param("created_since"), store.organizationZone);
          if (since != null) {
            all.removeIf(e -> Formats.instant(e.str("created_at"), store.organizationZone).isBefore(since));
          }
        }
      }
    }
    return ApiResponse.jsonApi(200, personListing(q).render(q, all, (e, inc) -> renderPerson(q, e, inc), orgParent()));
  }

  private ApiResponse me(ApiRequest q) {
    Entity p = store.meId == null ? null : store.people.get(store.meId);
    if (p == null) {
      throw new ApiException(Errors.notFound());
    }
    return personDoc(q, p, 200);
  }

  ApiResponse personDoc(ApiRequest q, Entity p, int status) {
    personListing(q).checkIncludes(q);
    return ApiResponse.jsonApi(status, singleDoc(q, p, (e, inc) -> renderPerson(q, e, inc), PERSON_INCLUDE,
        orgParent(), true));
  }

  private ApiResponse createPerson(ApiRequest q) {
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    return personDoc(q, createPersonEntity(null, attrs, null), 201);
  }

  /** The attributes of a new person before the payload is applied. */
  public static ObjectNode newPersonAttrs(String now) {
    ObjectNode a = Json.object();
    a.put("accounting_administrator", false);
    a.putNull("anniversary");
    a.put("avatar", Store.DEFAULT_AVATAR);
    a.putNull("birthdate");
    a.put("can_create_forms", false);
    a.put("can_email_lists", false);
    a.put("child", false);
    a.put("created_at", now);
    a.put("demographic_avatar_url", Store.DEFAULT_AVATAR);
    a.put("directory_status", "no_access");
    a.putNull("first_name");
    a.putNull("gender");
    a.putNull("given_name");
    a.putNull("grade");
    a.putNull("graduation_year");
    a.putNull("inactivated_at");
    a.putNull("last_name");
    a.putNull("login_identifier");
    a.putNull("medical_notes");
    a.putNull("membership");
    a.putNull("middle_name");
    a.putNull("name");
    a.putNull("nickname");
    a.put("passed_background_check", false);
    a.putNull("people_permissions");
    a.putNull("remote_id");
    a.putObject("resource_permission_flags");
    a.putNull("school_type");
    a.put("site_administrator", false);
    a.put("status", "active");
    a.putNull("stripe_customer_identifier");
    a.put("updated_at", now);
    return a;
  }

  private ApiResponse updatePerson(ApiRequest q, String id) {
    Entity p = person(id);
    updatePersonEntity(p, Writes.attributes(Writes.data(q)));
    return personDoc(q, p, 200);
  }

  private ApiResponse deletePerson(String id) {
    person(id);
    store.removePerson(id);
    return ApiResponse.noContent();
  }

  /** Validates {@code attrs} and writes them into {@code next}; throws a 422 listing every problem. */
  void applyPerson(String id, ObjectNode next, ObjectNode attrs, boolean create) {
    Writes w = new Writes("Person");
    w.onlyAssignable(attrs, PERSON_ASSIGNABLE);
    for (String s : List.of("given_name", "middle_name", "nickname", "medical_notes", "membership",
        "people_permissions", "stripe_customer_identifier")) {
      w.string(attrs, s, next);
    }
    for (String s : List.of("first_name", "last_name")) {
      if (attrs.has(s) || create) {
        String v = w.text(attrs, s);
        if (v == null || v.isBlank()) {
          w.invalid(s, "blank", "can't be blank");
        } else {
          next.put(s, v.trim());
        }
      }
    }
    w.date(attrs, "birthdate", next);
    w.date(attrs, "anniversary", next);
    for (String b : List.of("child", "site_administrator", "accounting_administrator")) {
      w.booleanAttr(attrs, b, next);
    }
    for (String n : List.of("grade", "graduation_year", "remote_id")) {
      if (attrs.has(n)) {
        Long v = w.integer(attrs, n);
        if (v == null) {
          next.putNull(n);
        } else {
          next.put(n, v);
        }
      }
    }
    if (attrs.has("gender")) {
      String g = w.text(attrs, "gender");
      String canonical = g == null || g.isBlank() ? null : canonicalGender(g);
      if (g != null && !g.isBlank() && canonical == null) {
        w.invalid("gender", "inclusion", "is not included in the list");
      } else if (canonical == null) {
        next.putNull("gender");
      } else {
        next.put("gender", canonical);
      }
    }
    if (attrs.has("status")) {
      String s = w.text(attrs, "status");
      if ("inactive".equals(s)) {
        next.put("status", "inactive");
        if (next.path("inactivated_at").isNull()) {
          next.put("inactivated_at", store.nowText());
        }
      } else {
        next.put("status", "active");
        next.putNull("inactivated_at");
      }
    }
    if (attrs.has("inactivated_at")) {
      String s = w.text(attrs, "inactivated_at");
      if (s == null || s.isBlank() || s.equals("null")) {
        next.putNull("inactivated_at");
        next.put("status", "active");
      } else {
        Instant at = Formats.instant(s.trim(), store.organizationZone);
        if (at == null) {
          w.invalid("inactivated_at", "invalid", "is invalid");
        } else {
          next.put("inactivated_at", Formats.timestamp(at));
          next.put("status", "inactive");
        }
      }
    }
    if (attrs.has("avatar")) {
      String fileId = w.text(attrs, "avatar");
      Store.UploadedFile f = fileId == null ? null : store.files.get(fileId.trim());
      if (f == null || !store.now().isBefore(f.expiresAt())) {
        w.invalid("avatar", "invalid", "is invalid");
      } else {
        String path = "/avatars/uploads/person/" + id + "-" + store.now().getEpochSecond() + "/avatar.jpg";
        store.avatars.put(path, f.content());
        next.put("avatar", store.baseUrl + path);
        next.put("demographic_avatar_url", store.baseUrl + path);
      }
    }
    w.throwIfInvalid();
    String first = Json.text(next.get("first_name"));
    String last = Json.text(next.get("last_name"));
    next.put("name", ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim());
  }

  static String canonicalGender(String g) {
    switch (g.trim().toLowerCase(Locale.ROOT)) {
      case "m":
      case "male":
        return "Male";
      case "f":
      case "female":
        return "Female";
      default:
        return null;
    }
  }

}
