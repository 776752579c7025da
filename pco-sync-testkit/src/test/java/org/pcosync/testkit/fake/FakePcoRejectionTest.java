package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class FakePcoRejectionTest {
  private FakePco pco;
  private Http http;
  private String personId;

  @BeforeEach
  void start() {
    pco = FakePco.builder().credentials("app", "secret").noRateLimit().build().start();
    http = new Http(pco);
    personId = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
  }

  @AfterEach
  void stop() {
    pco.close();
  }

  private static JsonNode firstError(HttpResponse<String> r) {
    return Http.json(r).at("/errors/0");
  }

  @Test
  void badBasicCredentialGets401WithHtmlBody() {
    HttpResponse<String> r = http.authorization(Http.basic("app", "wrong")).get("/people/v2/people");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).isEqualTo("HTTP Basic: Access denied.\n");
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Application\"");
  }

  @Test
  void missingCredentialGets401() {
    assertThat(http.authorization(null).get("/people/v2/people").statusCode()).isEqualTo(401);
  }

  @Test
  void unknownBearerTokenGets401() {
    assertThat(http.authorization("Bearer nope").get("/people/v2/people").statusCode()).isEqualTo(401);
  }

  @Test
  void putGetsPcosHtml404() {
    HttpResponse<String> r = http.send("PUT", "/people/v2/people/" + personId, Http.data("Person", "{}"));

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("<title>404</title>");
  }

  @Test
  void unknownPathGetsJsonApi404() {
    HttpResponse<String> r = http.get("/bogus");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(firstError(r).get("title").asText()).isEqualTo("Not Found");
    assertThat(firstError(r).get("detail").asText()).isEqualTo("The resource you requested could not be found");
  }

  @Test
  void unknownPersonGets404() {
    assertThat(http.get("/people/v2/people/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void postWithoutDataKeyGets400AsRecorded() {
    HttpResponse<String> r = http.post("/people/v2/people", "{}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(firstError(r).get("code").asText()).isEqualTo("invalid_resource_payload");
    assertThat(firstError(r).get("detail").asText()).isEqualTo("The payload given does not contain a 'data' key.");
  }

  @Test
  void postWithInvalidJsonGets400() {
    assertThat(http.post("/people/v2/people", "{\"data\":").statusCode()).isEqualTo(400);
  }

  @Test
  void badEmailAddressGets422WithPointer() {
    HttpResponse<String> r = http.post("/people/v2/people/" + personId + "/emails",
        Http.data("Email", "{\"address\":\"not-an-email\",\"location\":\"Home\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(firstError(r).get("title").asText()).isEqualTo("Validation Error");
    assertThat(firstError(r).get("code").asText()).isEqualTo("invalid");
    assertThat(firstError(r).at("/source/pointer").asText()).isEqualTo("/data/attributes/address");
    assertThat(firstError(r).at("/meta/resource").asText()).isEqualTo("Email");
  }

  @Test
  void badBirthdateGets422() {
    HttpResponse<String> r = http.patch("/people/v2/people/" + personId, Http.data("Person", "{\"birthdate\":\"1990-02-30\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(firstError(r).at("/source/pointer").asText()).isEqualTo("/data/attributes/birthdate");
  }

  @Test
  void unknownGenderGets422() {
    HttpResponse<String> r = http.patch("/people/v2/people/" + personId, Http.data("Person", "{\"gender\":\"X\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(firstError(r).at("/source/pointer").asText()).isEqualTo("/data/attributes/gender");
  }

  @Test
  void phoneWithoutLocationGets422() {
    HttpResponse<String> r = http.post("/people/v2/people/" + personId + "/phone_numbers",
        Http.data("PhoneNumber", "{\"number\":\"4255551234\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(firstError(r).at("/source/pointer").asText()).isEqualTo("/data/attributes/location");
  }

  @Test
  void phoneWithTooFewDigitsGets422() {
    HttpResponse<String> r = http.post("/people/v2/people/" + personId + "/phone_numbers",
        Http.data("PhoneNumber", "{\"number\":\"12\",\"location\":\"Home\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void personWithoutNamesGets422ForEachName() {
    HttpResponse<String> r = http.post("/people/v2/people", Http.data("Person", "{\"birthdate\":\"1990-01-01\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode errors = Http.json(r).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).at("/source/pointer").asText()).isEqualTo("/data/attributes/first_name");
    assertThat(errors.get(1).at("/source/pointer").asText()).isEqualTo("/data/attributes/last_name");
  }

  @Test
  void nonAssignableAttributeGets422ForbiddenAttribute() {
    HttpResponse<String> r = http.patch("/people/v2/people/" + personId, Http.data("Person", "{\"bogus\":1}"));

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(firstError(r).get("title").asText()).isEqualTo("Forbidden Attribute");
    assertThat(firstError(r).get("detail").asText()).isEqualTo("bogus cannot be assigned");
  }

  @Test
  void readOnlyAttributeLikeNameGets422() {
    HttpResponse<String> r = http.patch("/people/v2/people/" + personId, Http.data("Person", "{\"name\":\"X Y\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void rejectedWriteChangesNothing() {
    http.patch("/people/v2/people/" + personId, Http.data("Person", "{\"first_name\":\"Bo\",\"gender\":\"X\"}"));

    assertThat(pco.people().person(personId).orElseThrow().firstName()).isEqualTo("Ann");
  }

  @Test
  void queryByUnknownAttributeGets400() {
    assertThat(http.get("/people/v2/people?where[favourite_colour]=red").statusCode()).isEqualTo(400);
  }

  @Test
  void orderByUnknownAttributeGets400() {
    assertThat(http.get("/people/v2/people?order=favourite_colour").statusCode()).isEqualTo(400);
  }

  @Test
  void includeNotOfferedGets400() {
    assertThat(http.get("/people/v2/people?include=pets").statusCode()).isEqualTo(400);
  }

  @Test
  void versionBefore20180801Gets400() {
    HttpResponse<String> r = http.version("2017-01-01").get("/people/v2/people");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(firstError(r).get("code").asText()).isEqualTo("unsupported_version_error");
  }

  @Test
  void deletingAPersonMergerIsNotAllowed() {
    assertThat(http.delete("/people/v2/person_mergers/1").statusCode()).isEqualTo(405);
  }
}
