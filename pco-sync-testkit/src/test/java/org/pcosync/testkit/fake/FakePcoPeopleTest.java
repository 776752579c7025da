package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.testkit.MutableClock;

final class FakePcoPeopleTest {
  private final MutableClock clock = MutableClock.create();
  private FakePco pco;
  private Http http;

  @BeforeEach
  void start() {
    pco = FakePco.builder().clock(clock).credentials("app", "secret").noRateLimit().build().start();
    http = new Http(pco);
  }

  @AfterEach
  void stop() {
    pco.close();
  }

  @Test
  void createdPersonIsReadableWithPcoShape() {
    HttpResponse<String> created = http.post("/people/v2/people",
        Http.data("Person", "{\"first_name\":\"Zoë\",\"last_name\":\"Nguyễn\",\"birthdate\":\"1990-02-03\"}"));

    assertThat(created.statusCode()).isEqualTo(201);
    String id = Http.json(created).at("/data/id").asText();
    JsonNode got = Http.json(http.get("/people/v2/people/" + id));
    assertThat(got.at("/data/type").asText()).isEqualTo("Person");
    assertThat(got.at("/data/attributes/name").asText()).isEqualTo("Zoë Nguyễn");
    assertThat(got.at("/data/attributes/birthdate").asText()).isEqualTo("1990-02-03");
    assertThat(got.at("/data/links/self").asText()).isEqualTo(pco.baseUrl() + "/people/v2/people/" + id);
    assertThat(got.at("/meta/parent/type").asText()).isEqualTo("Organization");
  }

  @Test
  void listPagesWithNextLinkAbsentOnLastPage() {
    pco.people().generatePeople(30, 7);

    JsonNode first = Http.json(http.get("/people/v2/people?per_page=25"));
    JsonNode last = Http.json(http.get(first.at("/links/next").asText()));

    assertThat(first.at("/meta/total_count").asInt()).isEqualTo(30);
    assertThat(first.at("/meta/count").asInt()).isEqualTo(25);
    assertThat(first.at("/meta/next/offset").asInt()).isEqualTo(25);
    assertThat(last.at("/meta/count").asInt()).isEqualTo(5);
    assertThat(last.path("links").has("next")).isFalse();
    assertThat(last.path("meta").has("next")).isFalse();
    assertThat(last.at("/meta/prev/offset").asInt()).isZero();
  }

  @Test
  void perPageIsCappedAtOneHundred() {
    pco.people().generatePeople(120, 3);

    JsonNode page = Http.json(http.get("/people/v2/people?per_page=500"));

    assertThat(page.at("/meta/count").asInt()).isEqualTo(100);
  }

  @Test
  void includeEmailsAddsRelationshipAndIncludedOnce() {
    String id = pco.people().addPerson(PersonSeed.builder("Paul", "Revere").email("paul@example.com")
        .email("paul@work.example.com").build());

    JsonNode doc = Http.json(http.get("/people/v2/people?include=emails,organization"));

    JsonNode person = doc.at("/data/0");
    assertThat(person.at("/id").asText()).isEqualTo(id);
    assertThat(person.at("/relationships/emails/data")).hasSize(2);
    List<String> types = new ArrayList<>();
    doc.get("included").forEach(i -> types.add(i.get("type").asText()));
    assertThat(types).containsExactly("Email", "Email", "Organization");
  }

  @Test
  void whereIsCaseInsensitiveEquality() {
    pco.people().addPerson(PersonSeed.of("Paul", "Revere"));
    pco.people().addPerson(PersonSeed.of("Paula", "Revere"));

    JsonNode doc = Http.json(http.get("/people/v2/people?where[first_name]=paul"));

    assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(1);
    assertThat(doc.at("/data/0/attributes/first_name").asText()).isEqualTo("Paul");
  }

  @Test
  void whereUpdatedAtGreaterThanFindsOnlyLaterChanges() {
    String old = pco.people().addPerson(PersonSeed.of("Old", "One"));
    clock.advance(Duration.ofHours(1));
    String cursor = "2026-01-05T09:30:00Z";
    String changed = pco.people().addPerson(PersonSeed.of("New", "One"));

    JsonNode doc = Http.json(http.get("/people/v2/people?order=updated_at&where[updated_at][gt]=" + cursor));

    assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(1);
    assertThat(doc.at("/data/0/id").asText()).isEqualTo(changed).isNotEqualTo(old);
  }

  @Test
  void phoneNumbersAreReformattedAsPcoDoes() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));

    JsonNode phone = Http.json(http.post("/people/v2/people/" + id + "/phone_numbers",
        Http.data("PhoneNumber", "{\"number\":\"425.555.1234\",\"location\":\"Mobile\"}"))).get("data");

    assertThat(phone.at("/attributes/number").asText()).isEqualTo("(425) 555-1234");
    assertThat(phone.at("/attributes/national").asText()).isEqualTo("(425) 555-1234");
    assertThat(phone.at("/attributes/e164").asText()).isEqualTo("+14255551234");
    assertThat(phone.at("/attributes/international").asText()).isEqualTo("+1 425-555-1234");
    assertThat(phone.at("/attributes/country_code").asText()).isEqualTo("US");
    assertThat(phone.at("/attributes").has("carrier")).isTrue();
    assertThat(phone.at("/relationships/person/data/id").asText()).isEqualTo(id);
  }

  @Test
  void addingAnEmailBumpsThePersonsUpdatedAt() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
    clock.advance(Duration.ofMinutes(5));

    http.post("/people/v2/people/" + id + "/emails", Http.data("Email", "{\"address\":\"ann@example.com\",\"location\":\"Home\"}"));

    PersonSnapshot p = pco.people().person(id).orElseThrow();
    assertThat(p.updatedAt()).isEqualTo(clock.instant());
    assertThat(p.emailAddresses()).containsExactly("ann@example.com");
    assertThat(p.emails().get(0).attribute("primary")).contains("true");
  }

  @Test
  void patchingAnAddressBumpsThePersonsUpdatedAt() {
    String id = pco.people().addPerson(PersonSeed.builder("Ann", "Lee")
        .address(AddressSeed.home("1 Main St", "Boston", "MA", "02101")).build());
    String addressId = pco.people().person(id).orElseThrow().addresses().get(0).id();
    clock.advance(Duration.ofMinutes(5));

    HttpResponse<String> r = http.patch("/people/v2/addresses/" + addressId,
        Http.data("Address", "{\"street_line_1\":\"2 Main St\",\"street_line_2\":\"Apt 4\"}"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Http.json(r).at("/data/attributes/street_line_2").asText()).isEqualTo("Apt 4");
    assertThat(pco.people().person(id).orElseThrow().updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void deletingAPhoneBumpsThePersonAndAnswers204() {
    String id = pco.people().addPerson(PersonSeed.builder("Ann", "Lee").phone("2065550100", "Home").build());
    String phoneId = pco.people().person(id).orElseThrow().phoneNumbers().get(0).id();
    clock.advance(Duration.ofMinutes(1));

    HttpResponse<String> r = http.delete("/people/v2/phone_numbers/" + phoneId);

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(pco.people().person(id).orElseThrow().phoneNumbers()).isEmpty();
    assertThat(pco.people().person(id).orElseThrow().updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void patchingPersonBumpsUpdatedAtButMedicalNotesAloneDoNot() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
    clock.advance(Duration.ofMinutes(1));
    http.patch("/people/v2/people/" + id, Http.data("Person", "{\"medical_notes\":\"peanuts\"}"));
    java.time.Instant afterNotes = pco.people().person(id).orElseThrow().updatedAt();
    clock.advance(Duration.ofMinutes(1));

    http.patch("/people/v2/people/" + id, Http.data("Person", "{\"last_name\":\"Li\"}"));

    assertThat(afterNotes).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(pco.people().person(id).orElseThrow().updatedAt()).isEqualTo(clock.instant());
    assertThat(pco.people().person(id).orElseThrow().attribute("name")).contains("Ann Li");
  }

  @Test
  void seededLoginIdentifierIsServedWithoutMovingUpdatedAt() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
    clock.advance(Duration.ofMinutes(1));

    pco.people().setLoginIdentifier(id, "ann@example.com");

    JsonNode got = Http.json(http.get("/people/v2/people/" + id));
    assertThat(got.at("/data/attributes/login_identifier").asText()).isEqualTo("ann@example.com");
    assertThat(pco.people().person(id).orElseThrow().updatedAt()).isEqualTo(MutableClock.DEFAULT_START);
  }

  @Test
  void deletedPersonIsGone() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));

    assertThat(http.delete("/people/v2/people/" + id).statusCode()).isEqualTo(204);

    assertThat(http.get("/people/v2/people/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void meReturnsTheCredentialsPerson() {
    String id = pco.people().addPerson(PersonSeed.of("Admin", "User"));
    pco.people().setMeId(id);

    JsonNode me = Http.json(http.get("/people/v2/me"));

    assertThat(me.at("/data/id").asText()).isEqualTo(id);
  }

  @Test
  void searchNameOrEmailFindsSpousesSharingAnEmail() {
    String a = pco.people().addPerson(PersonSeed.builder("Ann", "Lee").email("lees@example.com").build());
    String b = pco.people().addPerson(PersonSeed.builder("Bob", "Lee").email("LEES@example.com").build());
    pco.people().addPerson(PersonSeed.builder("Cat", "Other").email("cat@example.com").build());

    JsonNode doc = Http.json(http.get("/people/v2/people?where[search_name_or_email]=lees@example.com&include=emails"));

    List<String> ids = new ArrayList<>();
    doc.get("data").forEach(d -> ids.add(d.get("id").asText()));
    assertThat(ids).containsExactly(a, b);
  }

  @Test
  void emailsCanBeLookedUpOrgWideByAddress() {
    String id = pco.people().addPerson(PersonSeed.builder("Ann", "Lee").email("ann@example.com").build());

    JsonNode doc = Http.json(http.get("/people/v2/emails?where[address]=ANN@example.com"));

    assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(1);
    assertThat(doc.at("/data/0/relationships/person/data/id").asText()).isEqualTo(id);
  }

  @Test
  void orderDescendingByLastName() {
    pco.people().addPerson(PersonSeed.of("A", "Adams"));
    pco.people().addPerson(PersonSeed.of("C", "Cole"));
    pco.people().addPerson(PersonSeed.of("B", "Brown"));

    JsonNode doc = Http.json(http.get("/people/v2/people?order=-last_name"));

    List<String> names = new ArrayList<>();
    doc.get("data").forEach(d -> names.add(d.at("/attributes/last_name").asText()));
    assertThat(names).containsExactly("Cole", "Brown", "Adams");
  }

  @Test
  void whereWildcardMatchesPrefix() {
    pco.people().addPerson(PersonSeed.of("Timothy", "A"));
    pco.people().addPerson(PersonSeed.of("Tim", "B"));
    pco.people().addPerson(PersonSeed.of("Kim", "C"));

    JsonNode doc = Http.json(http.get("/people/v2/people?where[first_name]=tim%25"));

    assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(2);
  }

  @Test
  void version20180801RendersStreetAndOneLetterGender() {
    String id = pco.people().addPerson(PersonSeed.builder("Paul", "Revere").gender("Male")
        .address(new AddressSeed("123 Ride Way", "Unit 2", "Boston", "MA", "12345", "US", "Home", true)).build());

    JsonNode doc = Http.json(http.version("2018-08-01").get("/people/v2/people/" + id + "?include=addresses"));

    assertThat(doc.at("/data/attributes/gender").asText()).isEqualTo("M");
    JsonNode address = doc.at("/included/0/attributes");
    assertThat(address.get("street").asText()).isEqualTo("123 Ride Way\nUnit 2");
    assertThat(address.has("street_line_1")).isFalse();
    assertThat(address.has("country_code")).isFalse();
  }

  @Test
  void version20230321RendersStreetLinesAndFullGender() {
    String id = pco.people().addPerson(PersonSeed.builder("Paul", "Revere").gender("M")
        .address(AddressSeed.home("123 Ride Way", "Boston", "MA", "12345")).build());

    HttpResponse<String> r = http.version("2023-03-21").get("/people/v2/people/" + id + "?include=addresses");

    JsonNode doc = Http.json(r);
    assertThat(r.headers().firstValue("X-PCO-API-Processed-As-Version")).contains("2023-03-21");
    assertThat(doc.at("/data/attributes/gender").asText()).isEqualTo("Male");
    assertThat(doc.at("/included/0/attributes/street_line_1").asText()).isEqualTo("123 Ride Way");
    assertThat(doc.at("/included/0/attributes/country_name").asText()).isEqualTo("United States");
    assertThat(doc.at("/included/0/attributes").has("street")).isFalse();
  }

  @Test
  void oldVersionWriteOfStreetIsStoredAsStreetLines() {
    String id = pco.people().addPerson(PersonSeed.of("Paul", "Revere"));

    http.version("2018-08-01").post("/people/v2/people/" + id + "/addresses",
        Http.data("Address", "{\"street\":\"9 Elm St\",\"city\":\"Boston\",\"location\":\"Home\"}"));

    assertThat(pco.people().person(id).orElseThrow().addresses().get(0).attribute("street_line_1")).contains("9 Elm St");
  }

  @Test
  void versionBetweenReleasesIsProcessedAsTheOneBefore() {
    HttpResponse<String> r = http.version("2023-06-01").get("/people/v2/people");

    assertThat(r.headers().firstValue("X-PCO-API-Processed-As-Version")).contains("2023-03-21");
  }

  @Test
  void createdPersonCarriesEveryCurrentVertexAttribute() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));

    JsonNode attrs = Http.json(http.get("/people/v2/people/" + id)).at("/data/attributes");

    List<String> names = new ArrayList<>();
    attrs.fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("can_create_forms", "can_email_lists", "directory_status", "login_identifier",
        "resource_permission_flags", "passed_background_check", "remote_id", "school_type");
  }

  @Test
  void concurrentCreatesGetDistinctIds() throws Exception {
    java.util.List<java.util.concurrent.CompletableFuture<String>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      futures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> Http.json(http.post("/people/v2/people",
          Http.data("Person", "{\"first_name\":\"P" + n + "\",\"last_name\":\"Q\"}"))).at("/data/id").asText()));
    }

    List<String> ids = new ArrayList<>();
    for (java.util.concurrent.CompletableFuture<String> f : futures) {
      ids.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
    }

    assertThat(ids).doesNotHaveDuplicates().hasSize(40);
    assertThat(pco.people().count()).isEqualTo(40);
  }

  @Test
  void railsStyleIncludeIsAccepted() {
    pco.people().addPerson(PersonSeed.builder("Ann", "Lee").email("ann@example.com").phone("2065550100", "Home").build());

    JsonNode doc = Http.json(http.get("/people/v2/people?include[]=emails&include[]=phone_numbers"));

    assertThat(doc.get("included")).hasSize(2);
  }

  @Test
  void dateOnlyUpdatedAtFilterUsesTheOrganizationsTimeZone() {
    clock.set(java.time.Instant.parse("2026-02-01T04:00:00Z"));
    pco.people().addPerson(PersonSeed.of("Late", "Evening"));

    JsonNode doc = Http.json(http.get("/people/v2/people?where[updated_at][gte]=2026-02-01"));

    assertThat(doc.at("/meta/total_count").asInt()).isZero();
  }

  @Test
  void remoteIdIsAnIntegerAndQueryable() {
    String id = pco.people().addPerson(PersonSeed.builder("Ann", "Lee").remoteId(4711L).build());

    JsonNode doc = Http.json(http.get("/people/v2/people?where[remote_id]=4711"));

    assertThat(doc.at("/data/0/id").asText()).isEqualTo(id);
    assertThat(doc.at("/data/0/attributes/remote_id").isIntegralNumber()).isTrue();
  }

  @Test
  void inactiveStatusSetsInactivatedAt() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));

    JsonNode doc = Http.json(http.patch("/people/v2/people/" + id, Http.data("Person", "{\"status\":\"inactive\"}")));

    assertThat(doc.at("/data/attributes/status").asText()).isEqualTo("inactive");
    assertThat(doc.at("/data/attributes/inactivated_at").asText()).isEqualTo(clock.instant().toString());
  }
}
