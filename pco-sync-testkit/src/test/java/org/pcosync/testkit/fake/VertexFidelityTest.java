package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks the fake against PCO's machine-readable documentation (People ≥ 2023-03-21, Services
 * 2018-11-01): the attributes it renders, and the {@code can_query_by}, {@code can_order_by} and
 * {@code can_include} it advertises and enforces.
 */
final class VertexFidelityTest {
  /** Attributes PCO only returns when asked for with {@code fields[...]}. */
  private static final Set<String> FIELDS_ONLY = Set.of("directory_shared_info", "mfa_configured",
      "stripe_customer_identifier", "formatted_number", "profile_name", "signature");

  @RegisterExtension
  final FakePcoExtension fake = FakePcoExtension.configure(b -> b.noRateLimit().defaultPeopleVersion("2023-03-21"));

  private static JsonNode vertex(String name) {
    try (InputStream in = VertexFidelityTest.class.getResourceAsStream("/fixtures/documentation-api/" + name + ".json")) {
      return Http.MAPPER.readTree(in).get("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TreeSet<String> attributes(JsonNode vertex) {
    TreeSet<String> out = new TreeSet<>();
    vertex.at("/relationships/attributes/data").forEach(a -> out.add(a.at("/attributes/name").asText()));
    out.remove("id");
    out.removeAll(FIELDS_ONLY);
    return out;
  }

  private static List<String> names(JsonNode vertex, String rel, String field) {
    List<String> out = new ArrayList<>();
    vertex.at("/relationships/" + rel + "/data").forEach(a -> out.add(a.at("/attributes/" + field).asText()));
    return out;
  }

  private static TreeSet<String> keys(JsonNode node) {
    TreeSet<String> out = new TreeSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private String person() {
    return fake.pco().people().addPerson(PersonSeed.builder("Ann", "Lee").email("ann@example.com")
        .phone("2065550100", "Home").address(AddressSeed.home("1 Main St", "Boston", "MA", "02101")).build());
  }

  @Test
  void personAttributesAreTheVertexAttributes() {
    String id = person();

    JsonNode attrs = Http.json(new Http(fake.pco()).get("/people/v2/people/" + id)).at("/data/attributes");

    assertThat(keys(attrs)).isEqualTo(attributes(vertex("people-person")));
  }

  @Test
  void personListAdvertisesTheVertexQueryOrderAndInclude() {
    JsonNode meta = Http.json(new Http(fake.pco()).get("/people/v2/people")).get("meta");
    JsonNode v = vertex("people-person");

    assertThat(texts(meta.get("can_query_by"))).containsExactlyInAnyOrderElementsOf(names(v, "can_query", "name"));
    assertThat(texts(meta.get("can_order_by"))).containsExactlyInAnyOrderElementsOf(names(v, "can_order", "value"));
    assertThat(texts(meta.get("can_include"))).containsExactlyInAnyOrderElementsOf(names(v, "can_include", "value"));
  }

  @Test
  void everyDocumentedPersonQueryIsAccepted() {
    Http http = new Http(fake.pco());
    person();

    for (String q : names(vertex("people-person"), "can_query", "name")) {
      String value = q.endsWith("_at") ? "2020-01-01T00:00:00Z" : "1";
      assertThat(http.get("/people/v2/people?where[" + q + "]=" + value).statusCode()).as(q).isEqualTo(200);
    }
  }

  @Test
  void everyDocumentedPersonOrderIsAccepted() {
    Http http = new Http(fake.pco());
    person();

    for (String o : names(vertex("people-person"), "can_order", "value")) {
      assertThat(http.get("/people/v2/people?order=-" + o).statusCode()).as(o).isEqualTo(200);
    }
  }

  @Test
  void everyDocumentedPersonIncludeIsAccepted() {
    Http http = new Http(fake.pco());
    String id = person();

    for (String inc : names(vertex("people-person"), "can_include", "value")) {
      assertThat(http.get("/people/v2/people/" + id + "?include=" + inc).statusCode()).as(inc).isEqualTo(200);
    }
  }

  @Test
  void contactAttributesAreTheVertexAttributes() {
    String id = person();
    Http http = new Http(fake.pco());

    JsonNode email = Http.json(http.get("/people/v2/people/" + id + "/emails")).at("/data/0/attributes");
    JsonNode phone = Http.json(http.get("/people/v2/people/" + id + "/phone_numbers")).at("/data/0/attributes");
    JsonNode address = Http.json(http.get("/people/v2/people/" + id + "/addresses")).at("/data/0/attributes");

    assertThat(keys(email)).isEqualTo(attributes(vertex("people-email")));
    assertThat(keys(phone)).isEqualTo(attributes(vertex("people-phone_number")));
    assertThat(keys(address)).isEqualTo(attributes(vertex("people-address")));
  }

  @Test
  void contactListsAdvertiseTheVertexQueries() {
    String id = person();
    Http http = new Http(fake.pco());

    for (String[] c : new String[][] {{"emails", "people-email"}, {"phone_numbers", "people-phone_number"},
        {"addresses", "people-address"}}) {
      JsonNode meta = Http.json(http.get("/people/v2/people/" + id + "/" + c[0])).get("meta");
      assertThat(texts(meta.get("can_query_by"))).as(c[0])
          .containsExactlyInAnyOrderElementsOf(names(vertex(c[1]), "can_query", "name"));
      assertThat(texts(meta.get("can_order_by"))).as(c[0])
          .containsExactlyInAnyOrderElementsOf(names(vertex(c[1]), "can_order", "value"));
    }
  }

  @Test
  void personMergerAttributesAreTheVertexAttributes() {
    String a = person();
    String b = person();
    fake.pco().people().mergePeople(a, b);

    JsonNode attrs = Http.json(new Http(fake.pco()).get("/people/v2/person_mergers")).at("/data/0/attributes");

    assertThat(keys(attrs)).isEqualTo(attributes(vertex("people-person_merger")));
  }

  @Test
  void servicesPersonAttributesAreTheVertexAttributes() {
    String id = person();
    fake.pco().services().addServicesPerson(id, "Viewer");

    JsonNode doc = Http.json(new Http(fake.pco()).get("/services/v2/people/" + id));

    assertThat(keys(doc.at("/data/attributes"))).isEqualTo(attributes(vertex("services-person")));
    assertThat(texts(doc.at("/meta/can_include")))
        .containsExactlyInAnyOrderElementsOf(names(vertex("services-person"), "can_include", "value"));
  }

  @Test
  void tagGroupTagAndTemplateAttributesAreTheVertexAttributes() {
    String group = fake.pco().services().addTagGroup("Teams");
    fake.pco().services().addTag(group, "Band");
    fake.pco().services().addEmailTemplate("welcome", "Hi", "<p/>");
    Http http = new Http(fake.pco());

    JsonNode groups = Http.json(http.get("/services/v2/tag_groups?include=tags"));
    JsonNode templates = Http.json(http.get("/services/v2/email_templates"));

    assertThat(keys(groups.at("/data/0/attributes"))).isEqualTo(attributes(vertex("services-tag_group")));
    assertThat(keys(groups.at("/included/0/attributes"))).isEqualTo(attributes(vertex("services-tag")));
    assertThat(keys(templates.at("/data/0/attributes"))).isEqualTo(attributes(vertex("services-email_template")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
