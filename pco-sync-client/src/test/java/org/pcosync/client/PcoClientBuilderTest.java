package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

final class PcoClientBuilderTest {

  @Test
  void plainHttpIsRejectedForNonLoopbackHosts() {
    assertThatThrownBy(() -> PcoClient.builder().baseUrl("http://api.planningcenteronline.com")
        .personalAccessToken("a", "b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  @Test
  void plainHttpIsAllowedOnLoopback() {
    assertThat(PcoClient.builder().baseUrl("http://127.0.0.1:8080").personalAccessToken("a", "b").build()).isNotNull();
    assertThat(PcoClient.builder().baseUrl("http://localhost:8080").uploadBaseUrl("http://[::1]:9")
        .personalAccessToken("a", "b").build()).isNotNull();
  }

  @Test
  void credentialsAreRequired() {
    assertThatThrownBy(() -> PcoClient.builder().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaultsPointAtTheRealApiWithPinnedVersions() {
    assertThat(PcoClient.DEFAULT_BASE_URL).isEqualTo("https://api.planningcenteronline.com");
    assertThat(PcoClient.DEFAULT_UPLOAD_URL).isEqualTo("https://upload.planningcenteronline.com");
    assertThat(PcoClient.DEFAULT_PEOPLE_VERSION).isEqualTo("2023-03-21");
    assertThat(PcoClient.DEFAULT_SERVICES_VERSION).isEqualTo("2018-11-01");
    assertThat(PcoClient.DEFAULT_WEBHOOKS_VERSION).isEqualTo("2022-10-20");
  }

  @Test
  void patClientHasNoOAuthFlow() {
    PcoClient client = PcoClient.builder().personalAccessToken("a", "b").build();

    assertThatThrownBy(client::oauth).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(PcoClient.builder().personalAccessToken("app", "top-secret").build().toString()).doesNotContain("top-secret");
  }

  @Test
  void apiVersionsCanBeOverriddenPerProduct() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      TestClock clock = new TestClock();
      PcoClient client = ClientFactory.builder(server, clock).peopleVersion("2025-11-10").build();
      server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

      client.people().get("45029164");

      RecordedRequest r = server.takeRequest();
      assertThat(r.getHeaders().get("X-PCO-API-Version")).isEqualTo("2025-11-10");
    }
  }

  @Test
  void uploadHostReceivesTheSameCredentials() throws Exception {
    try (MockWebServer api = new MockWebServer(); MockWebServer other = new MockWebServer()) {
      api.start();
      other.start();
      PcoClient client = ClientFactory.builder(api, new TestClock()).uploadBaseUrl(other.url("/").toString()).build();
      other.enqueue(Fixtures.json(201, Fixtures.text("upload-file-201.json")));

      client.people().uploadFile("a.jpg", "image/jpeg", new byte[] {1});

      assertThat(other.takeRequest().getHeaders().get("Authorization")).startsWith("Basic ");
    }
  }

  @Test
  void baseUrlWithAPathPrefixIsKept() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      PcoClient client = ClientFactory.builder(server, new TestClock())
          .baseUrl(server.url("/pco/").toString())
          .uploadBaseUrl(server.url("/upload").toString())
          .build();
      server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));
      server.enqueue(Fixtures.json(201, Fixtures.text("upload-file-201.json")));

      client.people().get("45029164");
      client.people().uploadFile("a.jpg", "image/jpeg", new byte[] {1});

      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/pco/people/v2/people/45029164");
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/upload/v2/files");
    }
  }
}
