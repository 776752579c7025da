package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies PCO webhook signatures: header {@code X-PCO-Webhooks-Authenticity} is the hex
 * HMAC-SHA256 of the raw request body keyed with the subscription's {@code authenticity_secret}.
 *
 * <pre>{@code
 * byte[] body = request.getInputStream().readAllBytes();       // the raw bytes, before parsing
 * String secret = secretsByEventName.get(eventNameHeader);     // one secret per subscription
 * if (!WebhookSignatures.verify(body, request.getHeader(WebhookSignatures.HEADER), secret)) {
 *   response.setStatus(401);
 * }
 * }</pre>
 *
 * <p>Comparison is constant-time. Stateless; thread-safe.
 */
public final class WebhookSignatures {
  /** The signature header. */
  public static final String HEADER = "X-PCO-Webhooks-Authenticity";

  private WebhookSignatures() {}

  /** The lower-case hex HMAC-SHA256 of {@code body} with {@code secret}. */
  public static String sign(byte[] body, String secret) {
    return HexFormat.of().formatHex(hmac(body, secret));
  }

  /**
   * True when {@code signatureHex} is the HMAC-SHA256 of {@code body} with {@code secret}; false
   * for a missing or malformed header.
   */
  public static boolean verify(byte[] body, @Nullable String signatureHex, String secret) {
    requireNonNull(body, "body == null");
    requireNonNull(secret, "secret == null");
    if (signatureHex == null) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signatureHex.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(body, secret), given);
  }

  private static byte[] hmac(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
