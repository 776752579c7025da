package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.internal.Bodies;
import org.pcosync.client.internal.Context;
import org.pcosync.client.internal.Json;
import org.pcosync.client.internal.JsonApiDocument;
import org.pcosync.client.internal.Mappers;
import org.pcosync.client.internal.Pager;

/**
 * Webhooks v2: subscriptions ({@code /webhooks/v2/webhook_subscriptions}, API version 2022-10-20)
 * and parsing of incoming deliveries. Obtain it from {@link PcoClient#webhooks()}.
 *
 * <pre>{@code
 * byte[] body = rawRequestBody();
 * if (!client.webhooks().verify(body, signatureHeader, secret)) return 401;
 * for (WebhookDelivery d : client.webhooks().parseDeliveries(body)) {
 *   if (d.person() != null) syncOne(d.person().id());
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one instance.
 */
public final class PcoWebhooks {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final Context ctx;

  PcoWebhooks(Context ctx) {
    this.ctx = ctx;
  }

  /** All webhook subscriptions of the account. */
  public List<WebhookSubscription> subscriptions() {
    return Pager.stream(
            offset -> {
              Map<String, String> q = new LinkedHashMap<>();
              q.put("per_page", "100");
              if (offset > 0) {
                q.put("offset", Integer.toString(offset));
              }
              JsonApiDocument doc =
                  ctx.transport()
                      .get(ctx.transport().url("webhooks/v2/webhook_subscriptions", q), ctx.webhooksVersion());
              return new PcoPage<>(
                  doc.data().stream().map(Mappers::webhookSubscription).toList(),
                  offset,
                  doc.nextOffset(),
                  doc.totalCount(),
                  doc.canInclude());
            })
        .toList();
  }

  /**
   * Subscribes {@code url} to one event (e.g. {@code people.v2.events.person.updated}). The
   * returned subscription carries its {@code authenticitySecret}: store it to verify deliveries.
   */
  public WebhookSubscription createSubscription(String eventName, String url, boolean active) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("name", requireNonNull(eventName, "eventName == null"));
    attrs.put("url", requireNonNull(url, "url == null"));
    attrs.put("active", active);
    JsonApiDocument doc =
        ctx.transport()
            .post(
                ctx.transport().url("webhooks/v2/webhook_subscriptions", Map.of()),
                ctx.webhooksVersion(),
                Bodies.resource("WebhookSubscription", null, attrs));
    return Mappers.webhookSubscription(PcoPeople.required(doc, "POST webhook_subscriptions").single());
  }

  /** Deletes a subscription ({@code DELETE /webhooks/v2/webhook_subscriptions/{id}}). */
  public void deleteSubscription(String subscriptionId) {
    ctx.transport()
        .delete(
            ctx.transport().url("webhooks/v2/webhook_subscriptions/" + PcoPeople.seg(subscriptionId), Map.of()),
            ctx.webhooksVersion());
  }

  /** Same as {@link WebhookSignatures#verify}. */
  public boolean verify(byte[] body, @Nullable String signatureHex, String secret) {
    return WebhookSignatures.verify(body, signatureHex, secret);
  }

  /**
   * Parses a delivery body: {@code {"data":[{"type":"EventDelivery","attributes":{"name",
   * "attempt","payload":"<JSON string>"}}]}}; the payload string is parsed as a JSON:API document.
   *
   * @throws PcoParseException when the body or a payload is not valid JSON
   */
  public List<WebhookDelivery> parseDeliveries(byte[] body) {
    return parse(ctx.transport().mapper(), body);
  }

  static List<WebhookDelivery> parse(ObjectMapper mapper, byte[] body) {
    requireNonNull(body, "body == null");
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      throw new PcoParseException("WEBHOOK", "delivery", e.getMessage(), e);
    }
    JsonNode data = root == null ? null : root.get("data");
    if (data == null) {
      throw new PcoParseException("WEBHOOK", "delivery", "no 'data' member", null);
    }
    List<JsonNode> items = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(items::add);
    } else {
      items.add(data);
    }
    List<WebhookDelivery> out = new ArrayList<>();
    for (JsonNode d : items) {
      out.add(delivery(mapper, d));
    }
    return out;
  }

  private static WebhookDelivery delivery(ObjectMapper mapper, JsonNode d) {
    JsonNode a = d.path("attributes");
    JsonNode payloadNode = a.path("payload");
    String payload;
    JsonNode payloadDoc;
    try {
      if (payloadNode.isTextual()) {
        payload = payloadNode.asText();
        payloadDoc = mapper.readTree(payload);
      } else if (payloadNode.isObject()) {
        payload = mapper.writeValueAsString(payloadNode);
        payloadDoc = payloadNode;
      } else {
        payload = "";
        payloadDoc = null;
      }
    } catch (JsonProcessingException e) {
      throw new PcoParseException("WEBHOOK", "delivery " + Json.str(d, "id"), "payload: " + e.getOriginalMessage(), e);
    }
    String type = null;
    String id = null;
    Map<String, Object> attributes = Map.of();
    java.time.Instant eventTime = null;
    PcoPerson person = null;
    if (payloadDoc != null && payloadDoc.path("data").isObject()) {
      JsonNode res = payloadDoc.get("data");
      type = Json.str(res, "type");
      id = Json.str(res, "id");
      JsonNode attrs = res.path("attributes");
      if (attrs.isObject()) {
        attributes = new LinkedHashMap<>(mapper.convertValue(attrs, MAP));
      }
      eventTime = Json.instant(payloadDoc.path("meta"), "event_time");
      if ("Person".equals(type) && id != null) {
        try {
          JsonApiDocument doc = JsonApiDocument.parse(payloadDoc);
          person = Mappers.person(doc.single(), doc);
        } catch (IllegalArgumentException e) {
          person = null;
        }
      }
    }
    Integer attempt = Json.integer(a, "attempt");
    String deliveryId = Json.str(d, "id");
    String name = Json.str(a, "name");
    String org = d.path("relationships").path("organization").path("data").isObject()
        ? Json.str(d.path("relationships").path("organization").path("data"), "id")
        : null;
    return new WebhookDelivery(
        deliveryId == null ? "" : deliveryId,
        name == null ? "" : name,
        attempt == null ? 1 : attempt,
        payload,
        org,
        type,
        id,
        attributes,
        eventTime,
        person);
  }
}
