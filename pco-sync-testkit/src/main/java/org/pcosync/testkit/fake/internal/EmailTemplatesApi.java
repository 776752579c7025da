package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Services v2 email templates (CRUD and {@code render}). */
final class EmailTemplatesApi {
  private static final List<String> ATTRS = List.of("created_at", "html_body", "kind", "subject", "updated_at");
  private final Store store;
  private final ServicesApi services;

  EmailTemplatesApi(Store store, ServicesApi services) {
    this.store = store;
    this.services = services;
  }

  void register(Router r) {
    String id = "(\\d+)";
    String s = "/services/v2/email_templates";
    r.add("GET", s, (q, a) -> ApiResponse.jsonApi(200, new Listing(List.of(), List.of(), List.of(), null,
        Map.of(), store.organizationZone).render(q, PeopleApi.sorted(store.emailTemplates.values()),
            (e, inc) -> render(q, e), services.orgParent())));
    r.add("GET", s + "/" + id, (q, a) -> services.doc(q, template(a[0]), (e, inc) -> render(q, e), List.of(), 200));
    r.add("POST", s, (q, a) -> create(q));
    r.add("PATCH", s + "/" + id, (q, a) -> update(q, a[0]));
    r.add("DELETE", s + "/" + id, (q, a) -> {
      template(a[0]);
      store.emailTemplates.remove(a[0]);
      return ApiResponse.noContent();
    });
    r.add("POST", s + "/" + id + "/render", (q, a) -> renderAction(q, a[0]));
  }

  private Entity template(String id) {
    Entity e = store.emailTemplates.get(id);
    if (e == null) {
      throw new ApiException(Errors.notFound());
    }
    return e;
  }

  private ObjectNode render(ApiRequest q, Entity e) {
    ObjectNode o = PeopleApi.resource(q, e, "/services/v2/email_templates/" + e.id, ATTRS);
    ObjectNode rel = Json.object();
    rel.putObject("template_owner").set("data", services.orgParent());
    o.set("relationships", rel);
    o.set("links", o.remove("links"));
    return o;
  }

  /** Creates a template from seeding code or a POST. */
  static Entity add(Store store, String kind, String subject, String htmlBody) {
    return EmailTemplates.add(store, kind, subject, htmlBody);
  }

  private ApiResponse create(ApiRequest q) {
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    Writes w = new Writes("EmailTemplate");
    w.onlyAssignable(attrs, List.of("html_body", "subject", "kind"));
    String subject = w.text(attrs, "subject");
    if (subject == null || subject.isBlank()) {
      w.invalid("subject", "blank", "can't be blank");
    }
    w.throwIfInvalid();
    Entity e = add(store, w.text(attrs, "kind"), subject, w.text(attrs, "html_body"));
    return services.doc(q, e, (x, inc) -> render(q, x), List.of(), 201);
  }

  private ApiResponse update(ApiRequest q, String id) {
    Entity e = template(id);
    ObjectNode attrs = Writes.attributes(Writes.data(q));
    Writes w = new Writes("EmailTemplate");
    w.onlyAssignable(attrs, List.of("html_body", "subject"));
    w.throwIfInvalid();
    ObjectNode next = e.attrs.deepCopy();
    w.string(attrs, "html_body", next);
    w.string(attrs, "subject", next);
    if (!next.equals(e.attrs)) {
      e.attrs.setAll(next);
      e.attrs.put("updated_at", store.nowText());
    }
    return services.doc(q, e, (x, inc) -> render(q, x), List.of(), 200);
  }

  private ApiResponse renderAction(ApiRequest q, String id) {
    Entity e = template(id);
    ObjectNode data = Writes.data(q);
    String personId = Json.text(data.path("relationships").path("person").path("data").get("id"));
    Entity p = personId == null ? null : store.people.get(personId);
    String body = String.valueOf(e.str("html_body"));
    if (p != null) {
      body = body.replace("{{first_name}}", String.valueOf(p.str("first_name")))
          .replace("{{last_name}}", String.valueOf(p.str("last_name")));
    }
    ObjectNode doc = Json.object();
    ObjectNode d = doc.putObject("data");
    d.put("type", "EmailTemplateRenderedResponse");
    d.put("id", id);
    d.putObject("attributes").put("body", body).put("subject", e.str("subject"));
    return ApiResponse.jsonApi(200, doc);
  }
}
