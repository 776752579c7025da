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
}
