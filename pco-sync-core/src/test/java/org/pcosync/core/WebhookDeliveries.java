package org.pcosync.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PCO webhook deliveries built and signed in tests as PCO sends them (pco-api.md §7.2, §7.3): one
 * {@code EventDelivery} whose payload, a JSON string, names a resource; signed with the hex
 * HMAC-SHA256 of the raw body, computed here independently of the client.
 */
public final class WebhookDeliveries {
  private WebhookDeliveries() {}

  /** Returns a delivery body for one event about one resource. */
  public static byte[] body(String eventName, String type, String id, String attributesJson) {
    String payload = "{\"data\":{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"attributes\":" + attributesJson
        + "},\"meta\":{\"event_time\":\"2026-01-05T10:00:00Z\"}}";
    String quoted = payload.replace("\\", "\\\\").replace("\"", "\\\"");
    return ("{\"data\":[{\"id\":\"delivery-" + id + "\",\"type\":\"EventDelivery\",\"attributes\":{\"name\":\""
        + eventName + "\",\"attempt\":1,\"payload\":\"" + quoted + "\"},\"relationships\":{\"organization\":"
        + "{\"data\":{\"type\":\"Organization\",\"id\":\"263468\"}}}}]}").getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the {@code X-PCO-Webhooks-Authenticity} value of a body: hex HMAC-SHA256 with the secret. */
  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
