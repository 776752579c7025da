package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class FakePcoMainTest {

  @Test
  void standaloneServerAnswersAnHttpRequest() {
    try (FakePco pco = FakePcoMain.start("--port", "0", "--app-id", "demo", "--secret", "pw", "--people", "30",
        "--seed", "1")) {
      JsonNode doc = Http.json(new Http(pco).get("/people/v2/people?per_page=10&include=emails"));

      assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(30);
      assertThat(doc.get("included").size()).isPositive();
    }
  }

  @Test
  void standaloneServerHasAMeAdminAndTags() {
    try (FakePco pco = FakePcoMain.start("--port", "0", "--people", "3")) {
      Http http = new Http(pco);

      assertThat(http.get("/people/v2/me").statusCode()).isEqualTo(200);
      assertThat(Http.json(http.get("/services/v2/tag_groups?include=tags")).get("included")).hasSize(3);
    }
  }

  @Test
  void printsTheBaseUrl() {
    try (FakePco pco = FakePcoMain.start("--port=0", "--people=1")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      FakePcoMain.print(pco, FakePcoMain.parse(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Fake PCO listening on " + pco.baseUrl());
    }
  }

  @Test
  void rateLimitPeriodOffDisablesTheLimit() {
    try (FakePco pco = FakePcoMain.start("--port", "0", "--people", "0", "--rate-limit", "1",
        "--rate-limit-period", "off")) {
      Http http = new Http(pco);
      http.get("/people/v2/people");

      assertThat(http.get("/people/v2/people").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rateLimitPeriodIsScalable() {
    assertThat(FakePcoMain.duration("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(FakePcoMain.duration("500ms")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void awaitEofReturnsWhenInputEnds() throws Exception {
    FakePcoMain.awaitEof(new ByteArrayInputStream("bye\n".getBytes(StandardCharsets.UTF_8)));
  }
}
