package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People endpoints: the requests sent (method, path, query, headers, body) and paging. */
final class PeopleApiTest {
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

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest();
  }

  private static String page(String nextOffset, String... people) {
    String meta = nextOffset == null ? "{}" : "{\"next\":{\"offset\":" + nextOffset + "}}";
    return "{\"data\":[" + String.join(",", people) + "],\"included\":[],\"meta\":" + meta + "}";
  }

  @Test
  void getSendsBasicAuthVersionHeaderAndContactIncludes() throws Exception {
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    client.people().get("45029164");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people/45029164");
    assertThat(r.getUrl().queryParameter("include")).isEqualTo("emails,phone_numbers,addresses");
    assertThat(r.getHeaders().get("X-PCO-API-Version")).isEqualTo("2023-03-21");
    assertThat(r.getHeaders().get("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("app-id-123:s3cr3t-pat".getBytes()));
  }

  @Test
  void streamFollowsNextOffsetAcrossRecordedPages() throws Exception {
    server.enqueue(Fixtures.fixture("people-list-offset0-per_page25-page1of2.json"));
    server.enqueue(Fixtures.fixture("people-list-offset25-per_page25-lastpage.json"));

    List<PcoPerson> all = client.people().listAll(PeopleQuery.all());

    assertThat(all).hasSize(50);
    assertThat(all.get(49).id()).isEqualTo("72078249");
    RecordedRequest first = take();
    assertThat(first.getUrl().queryParameter("per_page")).isEqualTo("100");
    assertThat(first.getUrl().queryParameter("offset")).isNull();
    RecordedRequest second = take();
    assertThat(second.getUrl().encodedPath()).isEqualTo("/people/v2/people");
    assertThat(second.getUrl().queryParameter("offset")).isEqualTo("25");
    assertThat(second.getUrl().queryParameter("include")).isEqualTo("emails,phone_numbers,addresses");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void streamIsLazyAndRequestsOnlyConsumedPages() {
    server.enqueue(Fixtures.fixture("people-list-offset0-per_page25-page1of2.json"));

    try (Stream<PcoPerson> s = client.people().stream(PeopleQuery.all())) {
      assertThat(s.limit(3).map(PcoPerson::id)).containsExactly("40135868", "72078195", "72078196");
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void linksNextIsFollowedOnOurBaseUrlWhenMetaNextIsMissing() throws Exception {
    server.enqueue(Fixtures.json(
        "{\"links\":{\"next\":\"https://api.planningcenteronline.com/people/v2/people?offset=1&per_page=1\"},"
            + "\"data\":[" + Fixtures.person("1", "A", "2026-01-01T00:00:00Z") + "]}"));
    server.enqueue(Fixtures.json(page(null, Fixtures.person("2", "B", "2026-01-01T00:00:00Z"))));

    List<PcoPerson> all = client.people().listAll(PeopleQuery.all());

    assertThat(all).extracting(PcoPerson::id).containsExactly("1", "2");
    take();
    assertThat(take().getUrl().queryParameter("offset")).isEqualTo("1");
  }

  @Test
  void listAllDeduplicatesAPersonSeenTwiceLastCopyWins() {
    server.enqueue(Fixtures.json(page("2",
        Fixtures.person("1", "Old", "2026-01-01T00:00:00Z"),
        Fixtures.person("2", "Bea", "2026-01-01T00:00:00Z"))));
    server.enqueue(Fixtures.json(page(null,
        Fixtures.person("1", "New", "2026-01-02T00:00:00Z"),
        Fixtures.person("3", "Cy", "2026-01-01T00:00:00Z"))));

    List<PcoPerson> all = client.people().listAll(PeopleQuery.all());

    assertThat(all).extracting(PcoPerson::id).containsExactly("1", "2", "3");
    assertThat(all.get(0).firstName()).isEqualTo("New");
  }

  @Test
  void streamEmitsEveryCopySoAnUpsertingConsumerEndsWithTheLast() {
    server.enqueue(Fixtures.json(page("1", Fixtures.person("1", "Old", "2026-01-01T00:00:00Z"))));
    server.enqueue(Fixtures.json(page(null, Fixtures.person("1", "New", "2026-01-02T00:00:00Z"))));

    List<String> names = client.people().stream(PeopleQuery.all()).map(PcoPerson::firstName).toList();

    assertThat(names).containsExactly("Old", "New");
  }

  @Test
  void updatedSinceFiltersWithFullUtcTimestampAndOrdersByUpdatedAt() throws Exception {
    server.enqueue(Fixtures.json(page(null)));

    client.people().listAll(PeopleQuery.updatedSince(Instant.parse("2026-11-20T08:30:00.123Z")));

    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("where[updated_at][gte]")).isEqualTo("2026-11-20T08:30:00Z");
    assertThat(r.getUrl().queryParameter("order")).isEqualTo("updated_at");
  }

  @Test
  void searchByEmailUsesSearchFilterAndKeepsExactAddressMatches() throws Exception {
    server.enqueue(Fixtures.fixture("people-list-include-emails-organization-page1.json"));
    server.enqueue(Fixtures.json(page(null)));

    List<PcoPerson> found = client.people().searchByEmail("Paul.Revere@Mailinator.com");

    assertThat(found).extracting(PcoPerson::id).containsExactly("45029164");
    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("where[search_name_or_email]")).isEqualTo("Paul.Revere@Mailinator.com");
    assertThat(r.getUrl().queryParameter("include")).isEqualTo("emails,phone_numbers,addresses");
  }

  @Test
  void personIdsByEmailQueriesTheEmailsEndpoint() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"Email\",\"id\":\"1\",\"attributes\":{\"address\":\"a@x.org\"},"
        + "\"relationships\":{\"person\":{\"data\":{\"type\":\"Person\",\"id\":\"10\"}}}},"
        + "{\"type\":\"Email\",\"id\":\"2\",\"attributes\":{\"address\":\"A@x.org\"},"
        + "\"relationships\":{\"person\":{\"data\":{\"type\":\"Person\",\"id\":\"11\"}}}}]}"));

    List<String> ids = client.people().personIdsByEmail(" a@x.org ");

    assertThat(ids).containsExactly("10", "11");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/emails");
    assertThat(r.getUrl().queryParameter("where[address]")).isEqualTo("a@x.org");
  }

  @Test
  void countAsksForOneRecordWithoutIncludes() throws Exception {
    server.enqueue(Fixtures.fixture("people-list-offset0-per_page25-page1of2.json"));

    Integer count = client.people().count(PeopleQuery.builder().where("created_at", "gte", "2026-01-01T00:00:00Z").build());

    assertThat(count).isEqualTo(50);
    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("per_page")).isEqualTo("1");
    assertThat(r.getUrl().queryParameter("include")).isNull();
    assertThat(r.getUrl().queryParameter("where[created_at][gte]")).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void searchByNameSendsFirstAndLastNameFilters() throws Exception {
    server.enqueue(Fixtures.fixture("people-list-where-first_name-paul.json"));

    client.people().searchByName("Paul", "Revere");

    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("where[first_name]")).isEqualTo("Paul");
    assertThat(r.getUrl().queryParameter("where[last_name]")).isEqualTo("Revere");
  }

  @Test
  void createPostsOnlyTheGivenAttributes() throws Exception {
    server.enqueue(Fixtures.json(201, "{\"data\":" + Fixtures.person("99", "Ada", "2026-01-01T00:00:00Z") + "}"));

    PcoPerson p = client.people().create(PersonAttributes.builder()
        .firstName("Ada").lastName("Lovelace").birthdate(LocalDate.of(1815, 12, 10)).gender("Female").build());

    assertThat(p.id()).isEqualTo("99");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/vnd.api+json");
    assertThat(r.getBody().utf8()).isEqualTo(
        "{\"data\":{\"type\":\"Person\",\"attributes\":{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
            + "\"birthdate\":\"1815-12-10\",\"gender\":\"Female\"}}}");
  }

  @Test
  void updatePatchesChangedAttributesAndSendsNullToClear() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":" + Fixtures.person("5", "Ada", "2026-01-01T00:00:00Z") + "}"));

    client.people().update("5", PersonAttributes.builder().nickname("Addie").middleName(null).remoteId(77L).build());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people/5");
    assertThat(r.getBody().utf8()).isEqualTo(
        "{\"data\":{\"type\":\"Person\",\"id\":\"5\",\"attributes\":{\"nickname\":\"Addie\",\"middle_name\":null,"
            + "\"remote_id\":77}}}");
  }

  @Test
  void deleteSendsDeleteAndAccepts204() throws Exception {
    server.enqueue(Fixtures.noContent());

    client.people().delete("5");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people/5");
  }

  @Test
  void meReadsTheCurrentUser() throws Exception {
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson me = client.people().me();

    assertThat(me.id()).isEqualTo("45029164");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/me");
  }

  @Test
  void createEmailPostsUnderThePerson() throws Exception {
    server.enqueue(Fixtures.json(201,
        "{\"data\":{\"type\":\"Email\",\"id\":\"8\",\"attributes\":{\"address\":\"a@x.org\",\"location\":\"Home\",\"primary\":true}}}"));

    PcoEmail e = client.people().createEmail("5",
        EmailAttributes.builder().address("a@x.org").location("Home").primary(true).build());

    assertThat(e.personId()).isEqualTo("5");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people/5/emails");
    assertThat(r.getBody().utf8()).isEqualTo(
        "{\"data\":{\"type\":\"Email\",\"attributes\":{\"address\":\"a@x.org\",\"location\":\"Home\",\"primary\":true}}}");
  }

  @Test
  void updateEmailPatchesByEmailId() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":{\"type\":\"Email\",\"id\":\"8\",\"attributes\":{\"primary\":false}}}"));

    client.people().updateEmail("8", EmailAttributes.builder().primary(false).build());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/emails/8");
  }

  @Test
  void deleteEmailDeletesByEmailId() throws Exception {
    server.enqueue(Fixtures.noContent());

    client.people().deleteEmail("8");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/emails/8");
  }

  @Test
  void createPhoneNumberPostsNumberAndLocation() throws Exception {
    server.enqueue(Fixtures.json(201,
        "{\"data\":{\"type\":\"PhoneNumber\",\"id\":\"3\",\"attributes\":{\"number\":\"555-0100\",\"location\":\"Mobile\"}}}"));

    PcoPhoneNumber n = client.people().createPhoneNumber("5",
        PhoneNumberAttributes.builder().number("555-0100").location("Mobile").build());

    assertThat(n.number()).isEqualTo("555-0100");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people/5/phone_numbers");
    assertThat(r.getBody().utf8()).contains("\"type\":\"PhoneNumber\"", "\"location\":\"Mobile\"");
  }

  @Test
  void updateAndDeletePhoneNumberUsePhoneId() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":{\"type\":\"PhoneNumber\",\"id\":\"3\",\"attributes\":{}}}"));
    server.enqueue(Fixtures.noContent());

    client.people().updatePhoneNumber("3", PhoneNumberAttributes.builder().primary(true).build());
    client.people().deletePhoneNumber("3");

    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/phone_numbers/3");
    RecordedRequest d = take();
    assertThat(d.getMethod()).isEqualTo("DELETE");
    assertThat(d.getUrl().encodedPath()).isEqualTo("/people/v2/phone_numbers/3");
  }

  @Test
  void createAddressSendsStreetLines() throws Exception {
    server.enqueue(Fixtures.json(201,
        "{\"data\":{\"type\":\"Address\",\"id\":\"4\",\"attributes\":{\"street_line_1\":\"1 Main\",\"city\":\"X\"}}}"));

    PcoAddress a = client.people().createAddress("5",
        AddressAttributes.builder().streetLine1("1 Main").city("X").location("Home").build());

    assertThat(a.streetLine1()).isEqualTo("1 Main");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/people/5/addresses");
    assertThat(r.getBody().utf8()).contains("\"street_line_1\":\"1 Main\"");
  }

  @Test
  void updateAndDeleteAddressUseAddressId() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":{\"type\":\"Address\",\"id\":\"4\",\"attributes\":{}}}"));
    server.enqueue(Fixtures.noContent());

    client.people().updateAddress("4", AddressAttributes.builder().zip("12345").build());
    client.people().deleteAddress("4");

    RecordedRequest u = take();
    assertThat(u.getMethod()).isEqualTo("PATCH");
    assertThat(u.getUrl().encodedPath()).isEqualTo("/people/v2/addresses/4");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/addresses/4");
  }

  @Test
  void fieldDefinitionsAreListed() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"FieldDefinition\",\"id\":\"11\",\"attributes\":"
        + "{\"name\":\"Shirt size\",\"slug\":\"shirt_size\",\"data_type\":\"select\",\"sequence\":2,\"tab_id\":3,\"deleted_at\":null}}]}"));

    List<PcoFieldDefinition> defs = client.people().fieldDefinitions();

    assertThat(defs).containsExactly(new PcoFieldDefinition("11", "Shirt size", "shirt_size", "select", 2, "3", null));
    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/field_definitions");
  }

  @Test
  void fieldDataAreReadAndCreatedWithTheirDefinition() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"FieldDatum\",\"id\":\"21\",\"attributes\":{\"value\":\"L\"},"
        + "\"relationships\":{\"field_definition\":{\"data\":{\"type\":\"FieldDefinition\",\"id\":\"11\"}},"
        + "\"customizable\":{\"data\":{\"type\":\"Person\",\"id\":\"5\"}}}}]}"));
    server.enqueue(Fixtures.json(201, "{\"data\":{\"type\":\"FieldDatum\",\"id\":\"22\",\"attributes\":{\"value\":\"M\"}}}"));

    List<PcoFieldDatum> data = client.people().fieldData("5");
    PcoFieldDatum created = client.people().createFieldDatum("5", "11", "M");

    assertThat(data).containsExactly(new PcoFieldDatum("21", "5", "11", "L"));
    assertThat(created.value()).isEqualTo("M");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/people/5/field_data");
    RecordedRequest post = take();
    assertThat(post.getUrl().encodedPath()).isEqualTo("/people/v2/people/5/field_data");
    assertThat(post.getBody().utf8()).isEqualTo(
        "{\"data\":{\"type\":\"FieldDatum\",\"attributes\":{\"field_definition_id\":\"11\",\"value\":\"M\"}}}");
  }

  @Test
  void fieldDatumIsUpdatedAndDeletedById() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":{\"type\":\"FieldDatum\",\"id\":\"21\",\"attributes\":{\"value\":\"XL\"}}}"));
    server.enqueue(Fixtures.noContent());

    PcoFieldDatum d = client.people().updateFieldDatum("21", "XL");
    client.people().deleteFieldDatum("21");

    assertThat(d.value()).isEqualTo("XL");
    RecordedRequest patch = take();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getUrl().encodedPath()).isEqualTo("/people/v2/field_data/21");
    assertThat(patch.getBody().utf8()).isEqualTo(
        "{\"data\":{\"type\":\"FieldDatum\",\"id\":\"21\",\"attributes\":{\"value\":\"XL\"}}}");
    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/people/v2/field_data/21");
  }

  @Test
  void personAppsAndAppsAreListed() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"PersonApp\",\"id\":\"7\",\"attributes\":{\"allow_pco_login\":true,"
        + "\"people_permissions\":\"editor\"},\"relationships\":{\"app\":{\"data\":{\"type\":\"App\",\"id\":\"2\"}}}}]}"));
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"App\",\"id\":\"2\",\"attributes\":{\"name\":\"Services\","
        + "\"url\":\"https://services.planningcenteronline.com\"}}]}"));

    List<PcoPersonApp> personApps = client.people().personApps("5");
    List<PcoApp> apps = client.people().apps();

    assertThat(personApps).containsExactly(new PcoPersonApp("7", "5", "2", true, "editor"));
    assertThat(apps).containsExactly(new PcoApp("2", "Services", "https://services.planningcenteronline.com"));
    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/people/5/person_apps");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/people/v2/apps");
  }

  @Test
  void mergersSinceFilterByCreatedAt() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"PersonMerger\",\"id\":\"1\",\"attributes\":"
        + "{\"person_to_keep_id\":10,\"person_to_remove_id\":11,\"created_at\":\"2026-11-01T00:00:00Z\"}}]}"));

    List<PcoPersonMerger> m = client.people().mergers(Instant.parse("2026-10-01T00:00:00Z"));

    assertThat(m).containsExactly(new PcoPersonMerger("1", "10", "11", Instant.parse("2026-11-01T00:00:00Z")));
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/people/v2/person_mergers");
    assertThat(r.getUrl().queryParameter("where[created_at][gte]")).isEqualTo("2026-10-01T00:00:00Z");
  }

  @Test
  void idsThatWouldChangeThePathAreRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.people().get("../apps"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
