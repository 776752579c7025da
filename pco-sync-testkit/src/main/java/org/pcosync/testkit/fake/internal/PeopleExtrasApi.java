package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** People v2 person apps (the way into Services), field definitions and field data. */
final class PeopleExtrasApi {
  private final Store store;
  private final PeopleApi people;

  PeopleExtrasApi(Store store, PeopleApi people) {
    this.store = store;
    this.people = people;
  }

  void register(Router r) {
    String id = "(\\d+)";
    String p = "/people/v2";
    r.add("GET", p + "/people/" + id + "/person_apps", (q, a) -> ApiResponse.jsonApi(200,
        new Listing(List.of(), List.of(), List.of("app"), null, Map.of(), store.organizationZone).render(q,
            store.childrenOf(store.personApps, people.person(a[0]).id), (e, inc) -> people.renderPersonApp(q, e),
            PeopleApi.personParent(a[0]))));
    r.add("POST", p + "/people/" + id + "/person_apps", (q, a) -> createPersonApp(q, a[0]));
    r.add("GET", p + "/field_definitions", (q, a) -> ApiResponse.jsonApi(200,
        new Listing(List.of("config", "data_type", "deleted_at", "name", "sequence", "slug", "tab_id"),
            List.of("config", "data_type", "deleted_at", "name", "sequence", "slug", "tab_id"), List.of(), null,
            Map.of(), store.organizationZone).render(q, PeopleApi.sorted(store.fieldDefinitions.values()),
                (e, inc) -> PeopleApi.resource(q, e, "/people/v2/field_definitions/" + e.id, null),
                people.orgParent())));
    r.add("GET", p + "/field_definitions/" + id, (q, a) -> {
      Entity d = store.fieldDefinitions.get(a[0]);
      if (d == null) {
        throw new ApiException(Errors.notFound());
      }
      return people.single(q, d, (e, inc) -> PeopleApi.resource(q, e, "/people/v2/field_definitions/" + e.id,
          null), List.of(), people.orgParent());
    });
    r.add("GET", p + "/field_data", (q, a) -> ApiResponse.jsonApi(200, fieldDataListing().render(q,
        PeopleApi.sorted(store.fieldData.values()), (e, inc) -> renderDatum(q, e, inc), people.orgParent())));
    r.add("GET", p + "/people/" + id + "/field_data", (q, a) -> ApiResponse.jsonApi(200, fieldDataListing()
        .render(q, store.childrenOf(store.fieldData, people.person(a[0]).id), (e, inc) -> renderDatum(q, e, inc),
            PeopleApi.personParent(a[0]))));
    r.add("POST", p + "/people/" + id + "/field_data", (q, a) -> createDatum(q, a[0]));
    r.add("PATCH", p + "/field_data/" + id, (q, a) -> updateDatum(q, a[0]));
    r.add("PATCH", p + "/people/" + id + "/field_data/" + id, (q, a) -> updateDatum(q, a[1]));
    r.add("DELETE", p + "/field_data/" + id, (q, a) -> deleteDatum(a[0]));
    r.add("DELETE", p + "/people/" + id + "/field_data/" + id, (q, a) -> deleteDatum(a[1]));
  }

  private Listing fieldDataListing() {
    return new Listing(List.of("file", "file_content_type", "file_name", "file_size", "value"),
        List.of("file", "file_content_type", "file_name", "file_size", "value"), List.of("field_definition",
            "field_option", "tab"), null, Map.of(), store.organizationZone);
  }

  /** A field datum; with {@code include=field_definition} its definition goes into {@code included}. */
  ObjectNode renderDatum(ApiRequest q, Entity e, Included inc) {
    ObjectNode o = renderDatum(q, e);
    Entity def = store.fieldDefinitions.get(e.str("field_definition_id"));
    if (q.includes().contains("field_definition") && def != null) {
      inc.add(PeopleApi.resource(q, def, "/people/v2/field_definitions/" + def.id, null));
    }
    return o;
  }

  ObjectNode renderDatum(ApiRequest q, Entity e) {
    ObjectNode o = PeopleApi.resource(q, e, "/people/v2/field_data/" + e.id,
        List.of("file", "file_content_type", "file_name", "file_size", "value"));
    ObjectNode rel = Json.object();
    rel.putObject("field_definition").set("data", Json.object().put("type", "FieldDefinition")
        .put("id", e.str("field_definition_id")));
    rel.putObject("customizable").set("data", PeopleApi.personParent(e.personId));
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  private ApiResponse createPersonApp(ApiRequest q, String personId) {
    people.person(personId);
    ObjectNode data = Writes.data(q);
    ObjectNode attrs = Writes.attributes(data);
    Writes w = new Writes("PersonApp");
    // create_assignable is app_id only; email_template_id is the fake's model of the (unverified)
    // welcome-email choice, see pco-api.md §6.1.
    w.onlyAssignable(attrs, List.of("app_id", "email_template_id"));
    String appId = w.text(attrs, "app_id");
    JsonNode relApp = data.path("relationships").path("app").path("data").path("id");
    if (appId == null && !relApp.isMissingNode()) {
      appId = relApp.asText();
    }
    if (appId == null || !store.apps.containsKey(appId)) {
      ObjectNode e = Errors.error(422, "Validation Error", "must exist");
      e.put("code", "blank");
      e.putObject("source").put("parameter", "app");
      e.putObject("meta").put("resource", "PersonApp").put("attribute", "app");
      throw new ApiException(Errors.of(422, List.of(e)));
    }
    String templateId = w.text(attrs, "email_template_id");
    if (templateId != null && !store.emailTemplates.containsKey(templateId)) {
      w.invalid("email_template_id", "invalid", "does not exist");
    }
    w.throwIfInvalid();
    Entity pa = store.ensurePersonApp(personId, appId);
    if (Store.SERVICES_APP_ID.equals(appId)) {
      ServicesApi.ensureServicesPerson(store, personId, "Scheduled Viewer");
      if (templateId != null) {
        store.welcomeEmails.add(new String[] {personId, templateId, store.nowText()});
      }
    }
    ObjectNode doc = people.singleDoc(q, pa, (e, inc) -> people.renderPersonApp(q, e), List.of("app"),
        PeopleApi.personParent(personId), false);
    return ApiResponse.jsonApi(201, doc);
  }

  private ApiResponse createDatum(ApiRequest q, String personId) {
    people.person(personId);
    ObjectNode data = Writes.data(q);
    ObjectNode attrs = Writes.attributes(data);
    Writes w = new Writes("FieldDatum");
    w.onlyAssignable(attrs, List.of("field_definition_id", "value", "file"));
    String defId = w.text(attrs, "field_definition_id");
    if (defId == null) {
      defId = Json.text(data.path("relationships").path("field_definition").path("data").get("id"));
    }
    if (defId == null || !store.fieldDefinitions.containsKey(defId)) {
      w.invalid("field_definition_id", "blank", "must exist");
    }
    w.throwIfInvalid();
    ObjectNode a = Json.object();
    a.putNull("file");
    a.putNull("file_content_type");
    a.putNull("file_name");
    a.putNull("file_size");
    a.put("value", w.text(attrs, "value"));
    a.put("field_definition_id", defId);
    Entity e = new Entity("FieldDatum", store.nextId(), a, personId);
    store.fieldData.put(e.id, e);
    store.touchPerson(personId);
    return ApiResponse.jsonApi(201, people.singleDoc(q, e, (x, inc) -> renderDatum(q, x), List.of(),
        PeopleApi.personParent(personId), false));
  }

  private ApiResponse updateDatum(ApiRequest q, String id) {
    Entity e = store.fieldData.get(id);
    if (e == null) {
      throw new ApiException(Errors.notFound());
    }
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    Writes w = new Writes("FieldDatum");
    w.onlyAssignable(attrs, List.of("value", "file"));
    w.throwIfInvalid();
    if (attrs.has("value")) {
      e.attrs.put("value", w.text(attrs, "value"));
      store.touchPerson(e.personId);
    }
    return ApiResponse.jsonApi(200, people.singleDoc(q, e, (x, inc) -> renderDatum(q, x), List.of(),
        PeopleApi.personParent(e.personId), false));
  }

  private ApiResponse deleteDatum(String id) {
    Entity e = store.fieldData.remove(id);
    if (e == null) {
      throw new ApiException(Errors.notFound());
    }
    store.touchPerson(e.personId);
    return ApiResponse.noContent();
  }
}
