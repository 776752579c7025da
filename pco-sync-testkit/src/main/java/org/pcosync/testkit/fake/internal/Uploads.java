package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PCO's upload host ({@code POST /v2/files}, multipart field {@code file}); files expire after an hour.
 *
 * <p>Stateless; callers hold the store lock.
 */
public final class Uploads {
  public static final Duration LIFETIME = Duration.ofHours(1);
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern DISPOSITION = Pattern.compile("name=\"([^\"]*)\"(?:; *filename=\"([^\"]*)\")?");

  private Uploads() {}

  /** Handles an upload; {@code body} is the raw request body. Caller holds the store lock. */
  public static ApiResponse upload(Store store, String contentType, byte[] body) {
    Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (m == null || !contentType.startsWith("multipart/form-data") || !m.find()) {
      return Errors.badRequest("invalid_upload", "Expected multipart/form-data with a 'file' part.");
    }
    String boundary = "--" + m.group(1);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : text.split(Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headerEnd);
      Matcher d = DISPOSITION.matcher(headers);
      if (!d.find() || !"file".equals(d.group(1))) {
        continue;
      }
      String content = part.substring(headerEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      String name = d.group(2) == null ? "file" : d.group(2);
      String type = "application/octet-stream";
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
          type = line.substring("content-type:".length()).trim();
        }
      }
      String id = "us3-" + new UUID(store.random.nextLong(), store.random.nextLong());
      Store.UploadedFile f = new Store.UploadedFile(id, name, type, bytes, store.now().plus(LIFETIME));
      store.files.put(id, f);
      ObjectNode doc = Json.object();
      ObjectNode file = doc.putArray("data").addObject();
      ObjectNode a = file.putObject("attributes");
      a.put("md5", md5(bytes));
      a.put("expires_at", Formats.timestamp(f.expiresAt()));
      a.put("source_ip", "127.0.0.1");
      a.put("name", name);
      a.put("content_type", type);
      a.put("file_size", bytes.length);
      file.put("id", id);
      file.put("type", "File");
      return ApiResponse.json(201, doc);
    }
    return Errors.badRequest("invalid_upload", "The multipart body has no 'file' part.");
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
