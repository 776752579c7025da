package org.pcosync.client.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A fully read HTTP response. */
public record HttpResult(
    int status,
    String method,
    String path,
    byte[] body,
    @Nullable String contentType) {

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return body.length == 0 || bodyText().isBlank();
  }
}
