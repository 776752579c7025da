package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photo upload goes to the upload host, then the person's avatar is set to the file id. */
final class UploadTest {
  private final MockWebServer api = new MockWebServer();
  private final MockWebServer upload = new MockWebServer();
  private final TestClock clock = new TestClock();
  private PcoClient client;

  @BeforeEach
  void start() throws Exception {
    api.start();
    upload.start();
    client = ClientFactory.builder(api, clock).uploadBaseUrl(upload.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    api.close();
    upload.close();
  }

  @Test
  void uploadAvatarPostsMultipartToUploadHostThenPatchesAvatar() throws Exception {
    upload.enqueue(Fixtures.json(201, Fixtures.text("upload-file-201.json")));
    api.enqueue(Fixtures.fixture("people-patch-person-avatar-200.json"));

    PcoPerson p = client.people().uploadAvatar("70249747", "test_upload.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8});

    assertThat(p.avatar()).endsWith("/uploads/person/70249747-1576035529/avatar.4.jpg");
    RecordedRequest u = upload.takeRequest();
    assertThat(u.getMethod()).isEqualTo("POST");
    assertThat(u.getUrl().encodedPath()).isEqualTo("/v2/files");
    assertThat(u.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(u.getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(u.getBody().utf8()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"test_upload.jpg\"",
        "Content-Type: image/jpeg");
    RecordedRequest patch = api.takeRequest();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getUrl().encodedPath()).isEqualTo("/people/v2/people/70249747");
    assertThat(patch.getBody().utf8()).isEqualTo("{\"data\":{\"type\":\"Person\",\"id\":\"70249747\","
        + "\"attributes\":{\"avatar\":\"us3-e8eab760-7977-4d59-aab4-44355ba0afd5\"}}}");
  }
}
