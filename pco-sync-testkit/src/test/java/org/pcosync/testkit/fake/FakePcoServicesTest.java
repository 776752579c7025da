package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pcosync.testkit.MutableClock;

final class FakePcoServicesTest {
  @RegisterExtension
  final FakePcoExtension fake = FakePcoExtension.configure(FakePco.Builder::noRateLimit);

  private Http http() {
    return new Http(fake.pco());
  }

  private String person() {
    return fake.pco().people().addPerson(PersonSeed.builder("Ann", "Lee").email("ann@example.com").build());
  }

  private static String personApp(String appId) {
    return "{\"data\":{\"type\":\"PersonApp\",\"attributes\":{\"app_id\":" + appId + "}}}";
  }

  private static String assignTags(String... tagIds) {
    StringBuilder sb = new StringBuilder("{\"data\":{\"type\":\"TagAssignment\",\"attributes\":{},"
        + "\"relationships\":{\"tags\":{\"data\":[");
    for (int i = 0; i < tagIds.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"type\":\"Tag\",\"id\":\"").append(tagIds[i]).append("\"}");
    }
    return sb.append("]}}}}").toString();
  }

  @Test
  void personNotAddedToServicesIs404InServices() {
    String id = person();

    assertThat(http().get("/services/v2/people/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void personAppsPostAddsPersonToServicesAsScheduledViewer() {
    String id = person();

    HttpResponse<String> r = http().post("/people/v2/people/" + id + "/person_apps", personApp("2"));

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode services = Http.json(http().get("/services/v2/people/" + id));
    assertThat(services.at("/data/attributes/permissions").asText()).isEqualTo("Scheduled Viewer");
    assertThat(services.at("/data/attributes/first_name").asText()).isEqualTo("Ann");
    assertThat(services.at("/data/attributes/archived").asBoolean()).isFalse();
  }

  @Test
  void personAppsAcceptsTheRelationshipForm() {
    String id = person();

    http().post("/people/v2/people/" + id + "/person_apps", "{\"data\":{\"type\":\"PersonApp\",\"attributes\":{},"
        + "\"relationships\":{\"app\":{\"data\":{\"type\":\"App\",\"id\":\"2\"}}}}}");

    assertThat(fake.pco().services().isInServices(id)).isTrue();
  }

  @Test
  void personAppsWithTemplateRecordsWelcomeEmail() {
    String id = person();
    String template = fake.pco().services().addEmailTemplate("welcome", "Welcome", "<p>Hi</p>");

    http().post("/people/v2/people/" + id + "/person_apps",
        "{\"data\":{\"attributes\":{\"app_id\":\"2\",\"email_template_id\":\"" + template + "\"}}}");

    assertThat(fake.pco().services().welcomeEmails()).singleElement()
        .satisfies(w -> assertThat(w.personId()).isEqualTo(id))
        .satisfies(w -> assertThat(w.templateId()).isEqualTo(template));
  }

  @Test
  void personAppsWithoutTemplateSendsNoWelcomeEmail() {
    http().post("/people/v2/people/" + person() + "/person_apps", personApp("2"));

    assertThat(fake.pco().services().welcomeEmails()).isEmpty();
  }

  @Test
  void personAppsWithUnknownAppGets422() {
    HttpResponse<String> r = http().post("/people/v2/people/" + person() + "/person_apps", personApp("999"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void servicesPeopleCannotBeCreatedInServices() {
    assertThat(http().post("/services/v2/people", Http.data("Person", "{\"first_name\":\"A\"}")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void permissionsPatchChangesLevelAndBumpsUpdatedAt() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Scheduled Viewer");
    fake.clock().advance(Duration.ofMinutes(3));

    HttpResponse<String> r = http().patch("/services/v2/people/" + id, Http.data("Person", "{\"permissions\":\"Editor\"}"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Http.json(r).at("/data/attributes/permissions").asText()).isEqualTo("Editor");
    assertThat(fake.pco().services().person(id).orElseThrow().updatedAt()).isEqualTo(fake.clock().instant());
  }

  @Test
  void permissionsArchivedArchivesAndAnotherLevelRestores() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");

    http().patch("/services/v2/people/" + id, Http.data("Person", "{\"permissions\":\"Archived\"}"));
    ServicesPersonSnapshot archived = fake.pco().services().person(id).orElseThrow();
    http().patch("/services/v2/people/" + id, Http.data("Person", "{\"permissions\":\"Viewer\"}"));

    assertThat(archived.archived()).isTrue();
    assertThat(archived.archivedAt()).isEqualTo(fake.clock().instant());
    assertThat(fake.pco().services().person(id).orElseThrow().archived()).isFalse();
  }

  @Test
  void unknownPermissionsLevelGets422() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");

    HttpResponse<String> r = http().patch("/services/v2/people/" + id, Http.data("Person", "{\"permissions\":\"Boss\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void servicesNonAssignableAttributeGets422() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");

    HttpResponse<String> r = http().patch("/services/v2/people/" + id, Http.data("Person", "{\"archived\":true}"));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(Http.json(r).at("/errors/0/title").asText()).isEqualTo("Forbidden Attribute");
  }

  @Test
  void tagGroupsFilteredForPeopleIncludeTheirTags() {
    String group = fake.pco().services().addTagGroup("Teams");
    fake.pco().services().addTagGroup("Keys", "song");
    String band = fake.pco().services().addTag(group, "Band");

    JsonNode doc = Http.json(http().get("/services/v2/tag_groups?filter=person&include=tags"));

    assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(1);
    assertThat(doc.at("/data/0/relationships/tags/data/0/id").asText()).isEqualTo(band);
    assertThat(doc.at("/included/0/attributes/name").asText()).isEqualTo("Band");
    assertThat(doc.at("/included/0/relationships/tag_group/data/id").asText()).isEqualTo(group);
  }

  @Test
  void tagTaxonomyIsReadOnly() {
    String group = fake.pco().services().addTagGroup("Teams");

    assertThat(http().post("/services/v2/tag_groups/" + group + "/tags", Http.data("Tag", "{\"name\":\"X\"}"))
        .statusCode()).isEqualTo(403);
    assertThat(http().patch("/services/v2/tag_groups/" + group, Http.data("TagGroup", "{\"name\":\"X\"}"))
        .statusCode()).isEqualTo(403);
  }

  @Test
  void assignTagsReplacesTheWholeSetAndAnswers204() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");
    String group = fake.pco().services().addTagGroup("Teams");
    String band = fake.pco().services().addTag(group, "Band");
    String tech = fake.pco().services().addTag(group, "Tech");
    fake.pco().services().setTags(id, List.of(band));

    HttpResponse<String> r = http().post("/services/v2/people/" + id + "/assign_tags", assignTags(tech));

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(fake.pco().services().tagsOf(id)).containsExactly(tech);
  }

  @Test
  void assignTagsWithEmptyListClearsTags() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");
    String band = fake.pco().services().addTag(fake.pco().services().addTagGroup("Teams"), "Band");
    fake.pco().services().setTags(id, List.of(band));

    http().post("/services/v2/people/" + id + "/assign_tags", assignTags());

    assertThat(fake.pco().services().tagsOf(id)).isEmpty();
  }

  @Test
  void assignTagsDoesNotBumpUpdatedAtByDefault() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");
    String band = fake.pco().services().addTag(fake.pco().services().addTagGroup("Teams"), "Band");
    java.time.Instant before = fake.pco().services().person(id).orElseThrow().updatedAt();
    fake.clock().advance(Duration.ofMinutes(10));

    http().post("/services/v2/people/" + id + "/assign_tags", assignTags(band));

    assertThat(fake.pco().services().person(id).orElseThrow().updatedAt()).isEqualTo(before);
  }

  @Test
  void assignTagsBumpsUpdatedAtWhenConfigured() {
    MutableClock clock = MutableClock.create();
    try (FakePco pco = FakePco.builder().clock(clock).tagChangesBumpUpdatedAt(true).build().start()) {
      String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
      pco.services().addServicesPerson(id, "Viewer");
      String band = pco.services().addTag(pco.services().addTagGroup("Teams"), "Band");
      clock.advance(Duration.ofMinutes(10));

      new Http(pco).post("/services/v2/people/" + id + "/assign_tags", assignTags(band));

      assertThat(pco.services().person(id).orElseThrow().updatedAt()).isEqualTo(clock.instant());
    }
  }

  @Test
  void servicesPeopleIncludeTags() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");
    String band = fake.pco().services().addTag(fake.pco().services().addTagGroup("Teams"), "Band");
    fake.pco().services().setTags(id, Set.of(band));

    JsonNode doc = Http.json(http().get("/services/v2/people?include=tags"));

    assertThat(doc.at("/data/0/relationships/tags/data/0/id").asText()).isEqualTo(band);
    assertThat(doc.at("/meta/can_include").toString()).contains("tags");
  }

  @Test
  void servicesPeopleOrderByMinusUpdatedAt() {
    String a = person();
    String b = fake.pco().people().addPerson(PersonSeed.of("Bob", "Lee"));
    fake.pco().services().addServicesPerson(a, "Viewer");
    fake.clock().advance(Duration.ofMinutes(1));
    fake.pco().services().addServicesPerson(b, "Viewer");

    JsonNode doc = Http.json(http().get("/services/v2/people?order=-updated_at"));

    List<String> ids = new ArrayList<>();
    doc.get("data").forEach(d -> ids.add(d.get("id").asText()));
    assertThat(ids).containsExactly(b, a);
  }

  @Test
  void servicesPeopleCannotBeFilteredByUpdatedAt() {
    assertThat(http().get("/services/v2/people?where[updated_at][gt]=2020-01-01").statusCode()).isEqualTo(400);
  }

  @Test
  void emailTemplatesCanBeCreatedListedUpdatedAndDeleted() {
    HttpResponse<String> created = http().post("/services/v2/email_templates",
        Http.data("EmailTemplate", "{\"kind\":\"welcome\",\"subject\":\"Hi\",\"html_body\":\"<p>x</p>\"}"));
    String id = Http.json(created).at("/data/id").asText();

    HttpResponse<String> patched = http().patch("/services/v2/email_templates/" + id,
        Http.data("EmailTemplate", "{\"subject\":\"Hello\"}"));
    JsonNode list = Http.json(http().get("/services/v2/email_templates"));
    HttpResponse<String> deleted = http().delete("/services/v2/email_templates/" + id);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(Http.json(patched).at("/data/attributes/subject").asText()).isEqualTo("Hello");
    assertThat(list.at("/data/0/attributes/kind").asText()).isEqualTo("welcome");
    assertThat(deleted.statusCode()).isEqualTo(204);
  }

  @Test
  void emailTemplateKindCannotBeUpdated() {
    String id = fake.pco().services().addEmailTemplate("welcome", "Hi", "<p/>");

    HttpResponse<String> r = http().patch("/services/v2/email_templates/" + id, Http.data("EmailTemplate", "{\"kind\":\"x\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void appsListsServicesAsAppTwo() {
    JsonNode doc = Http.json(http().get("/people/v2/apps?where[name]=services"));

    assertThat(doc.at("/data/0/id").asText()).isEqualTo("2");
  }
}
