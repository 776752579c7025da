package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.ErrorCode;

/**
 * What {@link PcoSync#handleWebhook} did with one PCO event delivery. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (WebhookOutcome o : result.outcomes()) {
 *   if (o instanceof WebhookOutcome.LinkBroken broken) {
 *     alertAdmin(broken.reason());
 *   }
 * }
 * }</pre>
 */
public sealed interface WebhookOutcome {

  /** Returns the delivery's id (PCO's {@code EventDelivery} id). */
  String deliveryId();

  /** Returns the event name, e.g. {@code people.v2.events.person.updated}. */
  String eventName();

  /** Returns the PCO person the event concerns; {@code null} when the payload named none. */
  String pcoPersonId();

  /**
   * The linked host person was synced with {@link PcoSync#syncPerson}.
   *
   * @param hostPersonId the host person's current id
   * @param report what the single-person sync did (its failures are retried by the next run)
   */
  record Synced(String deliveryId, String eventName, String pcoPersonId, String hostPersonId, SyncReport report)
      implements WebhookOutcome {
    public Synced {
      requireNonNull(deliveryId, "deliveryId == null");
      requireNonNull(eventName, "eventName == null");
      requireNonNull(hostPersonId, "hostPersonId == null");
      requireNonNull(report, "report == null");
    }
  }

  /**
   * Nothing was done, and why (a PCO person no host person is linked to, an event this handler
   * does not sync, …).
   *
   * @param reason a sentence for an admin
   */
  record Ignored(String deliveryId, String eventName, String pcoPersonId, String reason) implements WebhookOutcome {
    public Ignored {
      requireNonNull(deliveryId, "deliveryId == null");
      requireNonNull(eventName, "eventName == null");
      requireNonNull(reason, "reason == null");
    }
  }

  /**
   * PCO deleted a linked person. Host data is kept and the link stays (runs report it) until an
   * admin sets the PCO id by hand or deletes the link.
   *
   * @param hostStableId the host person the link belongs to (stable id)
   * @param reason a sentence for an admin
   */
  record LinkBroken(String deliveryId, String eventName, String pcoPersonId, String hostStableId, String reason)
      implements WebhookOutcome {
    public LinkBroken {
      requireNonNull(deliveryId, "deliveryId == null");
      requireNonNull(eventName, "eventName == null");
      requireNonNull(pcoPersonId, "pcoPersonId == null");
      requireNonNull(hostStableId, "hostStableId == null");
      requireNonNull(reason, "reason == null");
    }
  }

  /**
   * Handling the event failed.
   *
   * @param code what went wrong
   * @param reason a sentence for an admin
   * @param retryable whether a redelivery may succeed (a run held the lease, PCO or the host was
   *     unavailable); answer PCO with a 5xx then, so it redelivers
   */
  record Failed(String deliveryId, String eventName, String pcoPersonId, ErrorCode code, String reason,
      boolean retryable) implements WebhookOutcome {
    public Failed {
      requireNonNull(deliveryId, "deliveryId == null");
      requireNonNull(eventName, "eventName == null");
      requireNonNull(code, "code == null");
      requireNonNull(reason, "reason == null");
    }
  }
}
