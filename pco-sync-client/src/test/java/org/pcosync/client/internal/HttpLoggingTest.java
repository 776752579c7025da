package org.pcosync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import org.junit.jupiter.api.Test;

final class HttpLoggingTest {

  @Test
  void sensitiveHeadersAreRedactedCaseInsensitively() {
    Headers h = Headers.of("authorization", "Basic c2VjcmV0", "Cookie", "sid=1", "Set-Cookie", "sid=2",
        "X-PCO-API-Version", "2023-03-21");

    String out = HttpLogging.redact(h);

    assertThat(out).contains("authorization: <redacted>", "Cookie: <redacted>", "Set-Cookie: <redacted>",
        "X-PCO-API-Version: 2023-03-21");
    assertThat(out).doesNotContain("c2VjcmV0", "sid=");
  }
}
