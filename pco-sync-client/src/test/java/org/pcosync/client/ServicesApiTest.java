package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ServicesApiTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private PcoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientFactory.client(server, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String servicesPerson(String id, String permissions, String tagsJson) {
    String rel = tagsJson == null ? "" : ",\"relationships\":{\"tags\":{\"data\":" + tagsJson + "}}";
    return "{\"type\":\"Person\",\"id\":\"" + id + "\",\"attributes\":{\"first_name\":\"F" + id
        + "\",\"permissions\":\"" + permissions + "\",\"archived\":false,\"updated_at\":\"2026-11-01T00:00:00Z\"}" + rel + "}";
  }

  private static String canInclude(String... names) {
    return "{\"data\":[],\"meta\":{\"can_include\":[" + String.join(",",
        java.util.Arrays.stream(names).map(n -> "\"" + n + "\"").toList()) + "]}}";
  }

  @Test
  void peopleAreListedNewestFirstWithIncludedTagsWhenOffered() throws Exception {
    server.enqueue(Fixtures.json(canInclude("emails", "tags", "team_leaders")));
    server.enqueue(Fixtures.json("{\"data\":[" + servicesPerson("1", "Editor", "[{\"type\":\"Tag\",\"id\":\"5\"}]") + ","
        + servicesPerson("2", "Viewer", "[]") + "],\"meta\":{}}"));

    List<ServicesPerson> people = client.services().listPeople(true);

    assertThat(people).extracting(ServicesPerson::id).containsExactly("1", "2");
    assertThat(people.get(0).tagIds()).containsExactly("5");
    assertThat(people.get(1).tagIds()).isEmpty();
    assertThat(people).allMatch(ServicesPerson::tagsLoaded);
    RecordedRequest probe = server.takeRequest();
    assertThat(probe.getUrl().queryParameter("per_page")).isEqualTo("1");
    RecordedRequest list = server.takeRequest();
    assertThat(list.getUrl().encodedPath()).isEqualTo("/services/v2/people");
    assertThat(list.getUrl().queryParameter("include")).isEqualTo("tags");
    assertThat(list.getUrl().queryParameter("order")).isEqualTo("-updated_at");
    assertThat(list.getUrl().queryParameter("per_page")).isEqualTo("100");
    assertThat(list.getHeaders().get("X-PCO-API-Version")).isEqualTo("2018-11-01");
  }

  @Test
  void tagsAreReadPerPersonWhenIncludeIsNotOffered() throws Exception {
    server.enqueue(Fixtures.json(canInclude("team_leaders")));
    server.enqueue(Fixtures.json("{\"data\":[" + servicesPerson("1", "Editor", null) + "],\"meta\":{}}"));
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"Tag\",\"id\":\"7\",\"attributes\":{\"name\":\"Tenor\"}}]}"));

    List<ServicesPerson> people = client.services().listPeople(true);

    assertThat(people.get(0).tagIds()).containsExactly("7");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("include")).isNull();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/services/v2/people/1/tags");
  }

  @Test
  void includeCapabilityIsAskedOncePerClient() {
    server.enqueue(Fixtures.json(canInclude("tags")));
    server.enqueue(Fixtures.json("{\"data\":[],\"meta\":{}}"));
    server.enqueue(Fixtures.json("{\"data\":[],\"meta\":{}}"));

    client.services().listPeople(true);
    client.services().listPeople(true);

    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void updatePermissionsPatchesOnlyPermissions() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":" + servicesPerson("1", "Scheduler", null) + "}"));

    ServicesPerson p = client.services().updatePermissions("1", "Scheduler");

    assertThat(p.permissions()).isEqualTo("Scheduler");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/services/v2/people/1");
    assertThat(r.getBody().utf8()).isEqualTo(
        "{\"data\":{\"type\":\"Person\",\"id\":\"1\",\"attributes\":{\"permissions\":\"Scheduler\"}}}");
  }

  @Test
  void archiveSendsTheDocumentedAssumption() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":" + servicesPerson("1", "Archived", null) + "}"));

    client.services().archive("1");

    assertThat(server.takeRequest().getBody().utf8()).contains("\"permissions\":\"Archived\"");
  }

  @Test
  void addToServicesCreatesAPersonAppWithTheServicesAppId() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"App\",\"id\":\"1\",\"attributes\":{\"name\":\"People\"}},"
        + "{\"type\":\"App\",\"id\":\"2\",\"attributes\":{\"name\":\"Services\"}}]}"));
    server.enqueue(Fixtures.json(201, "{\"data\":{\"type\":\"PersonApp\",\"id\":\"77\",\"attributes\":"
        + "{\"allow_pco_login\":true,\"people_permissions\":\"viewer\"},\"relationships\":{\"app\":{\"data\":{\"type\":\"App\",\"id\":\"2\"}}}}}"));

    PcoPersonApp app = client.services().addToServices("45", null);

    assertThat(app.appId()).isEqualTo("2");
    assertThat(app.personId()).isEqualTo("45");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/people/v2/apps");
    RecordedRequest post = server.takeRequest();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getUrl().encodedPath()).isEqualTo("/people/v2/people/45/person_apps");
    assertThat(post.getHeaders().get("X-PCO-API-Version")).isEqualTo("2023-03-21");
    assertThat(post.getBody().utf8()).isEqualTo("{\"data\":{\"type\":\"PersonApp\",\"attributes\":{\"app_id\":\"2\"}}}");
  }

  @Test
  void addToServicesWithWelcomeTemplateSendsTheAssumedAttribute() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"App\",\"id\":\"2\",\"attributes\":{\"name\":\"Services\"}}]}"));
    server.enqueue(Fixtures.json(201, "{\"data\":{\"type\":\"PersonApp\",\"id\":\"77\",\"attributes\":{}}}"));

    client.services().addToServices("45", "300");

    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).contains("\"email_template_id\":\"300\"");
  }

  @Test
  void assignTagsReplacesTheWholeSetAndAccepts204() throws Exception {
    server.enqueue(Fixtures.noContent());

    client.services().assignTags("1", List.of("5", "9"));

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/services/v2/people/1/assign_tags");
    assertThat(r.getBody().utf8()).isEqualTo("{\"data\":{\"type\":\"TagAssignment\",\"attributes\":{},"
        + "\"relationships\":{\"tags\":{\"data\":[{\"type\":\"Tag\",\"id\":\"5\"},{\"type\":\"Tag\",\"id\":\"9\"}]}}}}");
  }

  @Test
  void assignTagsAcceptsAnEmptyObjectBody() {
    server.enqueue(Fixtures.json("{}"));

    client.services().assignTags("1", List.of());

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tagGroupsAreFilteredToPeople() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"TagGroup\",\"id\":\"3\",\"attributes\":{\"name\":\"Voice\","
        + "\"required\":false,\"allow_multiple_selections\":true,\"tags_for\":\"person\"}}]}"));

    List<PcoTagGroup> groups = client.services().tagGroups();

    assertThat(groups).containsExactly(new PcoTagGroup("3", "Voice", false, true, "person"));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/services/v2/tag_groups");
    assertThat(r.getUrl().queryParameter("filter")).isEqualTo("person");
  }

  @Test
  void emailTemplatesAreListed() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"EmailTemplate\",\"id\":\"300\",\"attributes\":"
        + "{\"kind\":\"welcome\",\"subject\":\"Welcome!\",\"html_body\":\"<p>Hi</p>\"}}]}"));

    List<EmailTemplate> templates = client.services().emailTemplates();

    assertThat(templates).extracting(EmailTemplate::subject).containsExactly("Welcome!");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/services/v2/email_templates");
  }

  @Test
  void singlePersonIsReadWithIncludedTags() throws Exception {
    server.enqueue(Fixtures.json(canInclude("tags")));
    server.enqueue(Fixtures.json("{\"data\":" + servicesPerson("1", "Editor", "[{\"type\":\"Tag\",\"id\":\"5\"}]") + "}"));

    ServicesPerson p = client.services().getPerson("1", true);

    assertThat(p.tagIds()).containsExactly("5");
    server.takeRequest();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/services/v2/people/1");
    assertThat(r.getUrl().queryParameter("include")).isEqualTo("tags");
  }

  @Test
  void personTagsAreReadFromTheNestedEndpoint() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"Tag\",\"id\":\"7\",\"attributes\":{\"name\":\"Tenor\"},"
        + "\"relationships\":{\"tag_group\":{\"data\":{\"type\":\"TagGroup\",\"id\":\"3\"}}}}]}"));

    List<PcoTag> tags = client.services().personTags("1");

    assertThat(tags).containsExactly(new PcoTag("7", "Tenor", "3"));
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/services/v2/people/1/tags");
  }

  @Test
  void personNotInServicesIsEmpty() {
    server.enqueue(Fixtures.json(404, Fixtures.text("error-404-not-found-bogus-path.json")));

    assertThat(client.services().findPerson("9", false)).isEmpty();
  }
}
