package org.pcosync.core;

import java.util.List;

/**
 * What {@link PcoSync#handleWebhook} did with one POST: an outcome per event delivery, in the
 * body's order. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookResult result = sync.handleWebhook(body, signature, secret);
 * response.setStatus(result.shouldRedeliver() ? 503 : 200);
 * }</pre>
 *
 * @param outcomes one per delivery
 */
public record WebhookResult(List<WebhookOutcome> outcomes) {
  public WebhookResult {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * Returns whether an event failed in a way a redelivery may fix: answer PCO with a non-200 status
   * then, so it retries (PCO deactivates a subscription that fails for days, and on a 410 at once).
   */
  public boolean shouldRedeliver() {
    return outcomes.stream().anyMatch(o -> o instanceof WebhookOutcome.Failed f && f.retryable());
  }
}
