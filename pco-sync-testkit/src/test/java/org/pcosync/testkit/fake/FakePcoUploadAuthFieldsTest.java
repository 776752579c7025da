package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class FakePcoUploadAuthFieldsTest {
  @RegisterExtension
  final FakePcoExtension fake = FakePcoExtension.configure(b -> b.credentials("app", "secret").noRateLimit());

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F',
      0, 1, (byte) 0xFF, (byte) 0xD9};

  private HttpResponse<String> upload(String authorization) {
    String boundary = "b0undary";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = new byte[head.length + JPEG.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(JPEG, 0, body, head.length, JPEG.length);
    System.arraycopy(tail, 0, body, head.length + JPEG.length, tail.length);
    HttpRequest req = HttpRequest.newBuilder(URI.create(fake.pco().uploadBaseUrl() + "/v2/files"))
        .header("Authorization", authorization)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return sendRaw(req, HttpResponse.BodyHandlers.ofString());
  }

  private static <T> HttpResponse<T> sendRaw(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
    try {
      return HttpClient.newHttpClient().send(req, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> token(String form) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(fake.pco().baseUrl() + "/oauth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return sendRaw(req, HttpResponse.BodyHandlers.ofString());
  }

  private String basic() {
    return Http.basic("app", "secret");
  }

  @Test
  void uploadAnswersWithAFileShapedAsRecorded() {
    HttpResponse<String> r = upload(basic());

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode file = Http.json(r).at("/data/0");
    assertThat(file.get("type").asText()).isEqualTo("File");
    assertThat(file.get("id").asText()).startsWith("us3-");
    assertThat(file.at("/attributes/name").asText()).isEqualTo("me.jpg");
    assertThat(file.at("/attributes/content_type").asText()).isEqualTo("image/jpeg");
    assertThat(file.at("/attributes/file_size").asInt()).isEqualTo(JPEG.length);
    assertThat(file.at("/attributes/expires_at").asText())
        .isEqualTo(fake.clock().instant().plus(Duration.ofHours(1)).toString());
  }

  @Test
  void uploadNeedsCredentials() {
    assertThat(upload(Http.basic("app", "nope")).statusCode()).isEqualTo(401);
  }

  @Test
  void avatarSetFromUploadedFileServesTheSameBytes() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));
    String fileId = Http.json(upload(basic())).at("/data/0/id").asText();

    JsonNode person = Http.json(new Http(fake.pco()).patch("/people/v2/people/" + id,
        Http.data("Person", "{\"avatar\":\"" + fileId + "\"}")));

    String avatar = person.at("/data/attributes/avatar").asText();
    assertThat(avatar).startsWith(fake.pco().baseUrl() + "/avatars/");
    HttpResponse<byte[]> img = sendRaw(HttpRequest.newBuilder(URI.create(avatar)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(img.body()).isEqualTo(JPEG);
    assertThat(fake.pco().people().avatarBytes(avatar)).hasValueSatisfying(b -> assertThat(b).isEqualTo(JPEG));
  }

  @Test
  void expiredUploadCannotBeUsedAsAvatar() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));
    String fileId = Http.json(upload(basic())).at("/data/0/id").asText();
    fake.clock().advance(Duration.ofMinutes(61));

    HttpResponse<String> r = new Http(fake.pco()).patch("/people/v2/people/" + id,
        Http.data("Person", "{\"avatar\":\"" + fileId + "\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void authorizationCodeExchangeIssuesABearerTokenTheApiAccepts() {
    String code = fake.pco().oauth().issueAuthorizationCode("people services");

    JsonNode t = Http.json(token("grant_type=authorization_code&code=" + code
        + "&client_id=app&client_secret=secret&redirect_uri=http://localhost/cb"));

    assertThat(t.get("token_type").asText()).isEqualTo("bearer");
    assertThat(t.get("expires_in").asLong()).isEqualTo(7200);
    assertThat(t.get("scope").asText()).isEqualTo("people services");
    HttpResponse<String> r = new Http(fake.pco()).authorization("Bearer " + t.get("access_token").asText())
        .get("/people/v2/people");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-PCO-API-Auth-Method")).contains("OAuth2");
  }

  @Test
  void authorizationCodeWorksOnlyOnce() {
    String code = fake.pco().oauth().issueAuthorizationCode("people");
    String form = "grant_type=authorization_code&code=" + code + "&client_id=app&client_secret=secret";
    token(form);

    HttpResponse<String> again = token(form);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Http.json(again).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void wrongClientSecretGets401() {
    String code = fake.pco().oauth().issueAuthorizationCode("people");

    HttpResponse<String> r = token("grant_type=authorization_code&code=" + code + "&client_id=app&client_secret=x");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(Http.json(r).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void accessTokenExpiresAfterTwoHoursOnTheVirtualClock() {
    String code = fake.pco().oauth().issueAuthorizationCode("people");
    String access = Http.json(token("grant_type=authorization_code&code=" + code
        + "&client_id=app&client_secret=secret")).get("access_token").asText();
    fake.clock().advance(Duration.ofHours(2));

    HttpResponse<String> r = new Http(fake.pco()).authorization("Bearer " + access).get("/people/v2/people");

    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void refreshRotatesTheRefreshToken() {
    String code = fake.pco().oauth().issueAuthorizationCode("people");
    JsonNode first = Http.json(token("grant_type=authorization_code&code=" + code
        + "&client_id=app&client_secret=secret"));
    String refreshForm = "grant_type=refresh_token&refresh_token=" + first.get("refresh_token").asText()
        + "&client_id=app&client_secret=secret";

    JsonNode second = Http.json(token(refreshForm));
    HttpResponse<String> reused = token(refreshForm);

    assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(new Http(fake.pco()).authorization("Bearer " + first.get("access_token").asText())
        .get("/people/v2/people").statusCode()).isEqualTo(401);
  }

  @Test
  void revokedTokensAreRejected() {
    String code = fake.pco().oauth().issueAuthorizationCode("people");
    String access = Http.json(token("grant_type=authorization_code&code=" + code
        + "&client_id=app&client_secret=secret")).get("access_token").asText();

    fake.pco().oauth().revokeAllTokens();

    assertThat(new Http(fake.pco()).authorization("Bearer " + access).get("/people/v2/people").statusCode())
        .isEqualTo(401);
  }

  @Test
  void fieldDataCanBeWrittenAndReadBack() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));
    String def = fake.pco().people().addFieldDefinition("Shirt Size", "string");
    Http http = new Http(fake.pco());

    HttpResponse<String> created = http.post("/people/v2/people/" + id + "/field_data",
        Http.data("FieldDatum", "{\"field_definition_id\":\"" + def + "\",\"value\":\"L\"}"));
    JsonNode list = Http.json(http.get("/people/v2/people/" + id + "/field_data"));
    JsonNode defs = Http.json(http.get("/people/v2/field_definitions"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(list.at("/data/0/attributes/value").asText()).isEqualTo("L");
    assertThat(list.at("/data/0/relationships/field_definition/data/id").asText()).isEqualTo(def);
    assertThat(defs.at("/data/0/attributes/name").asText()).isEqualTo("Shirt Size");
    assertThat(fake.pco().people().fieldData(id)).containsEntry(def, "L");
  }

  @Test
  void fieldDatumForUnknownDefinitionGets422() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));

    HttpResponse<String> r = new Http(fake.pco()).post("/people/v2/people/" + id + "/field_data",
        Http.data("FieldDatum", "{\"field_definition_id\":\"42\",\"value\":\"L\"}"));

    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void includeFieldDataOnPeople() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));
    String def = fake.pco().people().addFieldDefinition("Shirt Size", "string");
    Http http = new Http(fake.pco());
    http.post("/people/v2/people/" + id + "/field_data",
        Http.data("FieldDatum", "{\"field_definition_id\":\"" + def + "\",\"value\":\"L\"}"));

    JsonNode doc = Http.json(http.get("/people/v2/people/" + id + "?include=field_data"));

    assertThat(doc.at("/data/relationships/field_data/data")).hasSize(1);
    assertThat(doc.at("/included/0/type").asText()).isEqualTo("FieldDatum");
  }

  @Test
  void fieldDataIncludeFieldDefinition() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));
    String def = fake.pco().people().addFieldDefinition("Shirt Size", "string");
    Http http = new Http(fake.pco());
    http.post("/people/v2/people/" + id + "/field_data",
        Http.data("FieldDatum", "{\"field_definition_id\":\"" + def + "\",\"value\":\"L\"}"));

    JsonNode doc = Http.json(http.get("/people/v2/people/" + id + "/field_data?include=field_definition"));

    assertThat(doc.at("/included/0/type").asText()).isEqualTo("FieldDefinition");
    assertThat(doc.at("/included/0/attributes/slug").asText()).isEqualTo("shirt_size");
  }

  @Test
  void fieldDatumValueCanBePatched() {
    String id = fake.pco().people().addPerson(PersonSeed.of("Ann", "Lee"));
    String def = fake.pco().people().addFieldDefinition("Shirt Size", "string");
    Http http = new Http(fake.pco());
    String datum = Http.json(http.post("/people/v2/people/" + id + "/field_data",
        Http.data("FieldDatum", "{\"field_definition_id\":\"" + def + "\",\"value\":\"L\"}"))).at("/data/id").asText();

    http.patch("/people/v2/field_data/" + datum, Http.data("FieldDatum", "{\"value\":\"XL\"}"));

    assertThat(fake.pco().people().fieldData(id)).containsEntry(def, "XL");
  }

  private static JsonNode fixture(String name) {
    try (java.io.InputStream in = FakePcoUploadAuthFieldsTest.class.getResourceAsStream("/fixtures/pypco/" + name)) {
      return Http.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.TreeSet<String> keys(JsonNode n) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void uploadResponseHasTheRecordedKeys() {
    JsonNode recorded = fixture("upload-file-201.json").at("/data/0");

    JsonNode got = Http.json(upload(basic())).at("/data/0");

    assertThat(keys(got)).isEqualTo(keys(recorded));
    assertThat(keys(got.get("attributes"))).isEqualTo(keys(recorded.get("attributes")));
  }

  @Test
  void avatarPatchResponseHasTheRecordedKeysIn20180801() {
    JsonNode recorded = fixture("people-patch-person-avatar-200.json");
    String id = fake.pco().people().addPerson(PersonSeed.of("Paul", "Revere"));
    String fileId = Http.json(upload(basic())).at("/data/0/id").asText();

    JsonNode got = Http.json(new Http(fake.pco()).version("2018-08-01").patch("/people/v2/people/" + id,
        Http.data("Person", "{\"avatar\":\"" + fileId + "\"}")));

    assertThat(keys(got)).isEqualTo(keys(recorded));
    assertThat(keys(got.get("data"))).isEqualTo(keys(recorded.get("data")));
    assertThat(keys(got.at("/data/attributes"))).isEqualTo(keys(recorded.at("/data/attributes")));
    assertThat(keys(got.at("/data/links"))).isEqualTo(keys(recorded.at("/data/links")));
    assertThat(keys(got.get("meta"))).isEqualTo(keys(recorded.get("meta")));
  }
}
