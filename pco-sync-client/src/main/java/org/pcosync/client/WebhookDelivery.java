package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One webhook delivery ({@code type "EventDelivery"}) as POSTed by PCO, with its payload parsed.
 *
 * <p>The payload is a JSON:API document (sent as a JSON <em>string</em> inside the envelope);
 * {@link #resourceType()}/{@link #resourceId()} name the changed record, {@link #attributes()}
 * holds its new attribute values (destroyed events carry none), and {@link #person()} is the
 * parsed person for {@code people.v2.events.person.*} events. Immutable and thread-safe.
 *
 * @param id unique delivery id
 * @param name event name, e.g. {@code people.v2.events.person.updated}
 * @param attempt delivery attempt number (1 for the first)
 * @param payload the raw payload string
 * @param organizationId from {@code relationships.organization} when present
 * @param eventTime {@code meta.event_time} of the payload when present
 */
public record WebhookDelivery(
    String id,
    String name,
    int attempt,
    String payload,
    @Nullable String organizationId,
    @Nullable String resourceType,
    @Nullable String resourceId,
    Map<String, Object> attributes,
    @Nullable Instant eventTime,
    @Nullable PcoPerson person) {

  public WebhookDelivery {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(payload, "payload == null");
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  /**
   * Parses a delivery body without a {@link PcoClient} (e.g. in a webhook endpoint that holds no
   * client); the same as {@link PcoWebhooks#parseDeliveries}. Verify the signature first
   * ({@link WebhookSignatures#verify}).
   *
   * <pre>{@code
   * List<WebhookDelivery> deliveries = WebhookDelivery.parseAll(rawBody);
   * }</pre>
   *
   * @throws PcoParseException when the body or a payload is not valid JSON
   */
  public static java.util.List<WebhookDelivery> parseAll(byte[] body) {
    return PcoWebhooks.parse(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false),
        body);
  }

  /** The action part of the event name: {@code created}, {@code updated}, {@code destroyed}, … */
  public String action() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
