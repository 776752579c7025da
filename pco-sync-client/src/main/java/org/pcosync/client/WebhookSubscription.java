package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A Webhooks subscription ({@code /webhooks/v2/webhook_subscriptions}): one event name delivered
 * to one URL, signed with its own {@link #authenticitySecret()}. {@link #toString()} redacts the
 * secret. Immutable and thread-safe.
 *
 * @param name the event name, e.g. {@code people.v2.events.person.updated}
 * @param applicationId PCO sends a number although documented as string; kept as string
 */
public record WebhookSubscription(
    String id,
    String name,
    @Nullable String url,
    boolean active,
    @Nullable String authenticitySecret,
    @Nullable String applicationId,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {

  public WebhookSubscription {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
  }

  @Override
  public String toString() {
    return "WebhookSubscription[id=" + id + ", name=" + name + ", url=" + url + ", active=" + active
        + ", authenticitySecret=" + (authenticitySecret == null ? "null" : "<redacted>")
        + ", applicationId=" + applicationId + ", createdAt=" + createdAt + ", updatedAt="
        + updatedAt + "]";
  }
}
