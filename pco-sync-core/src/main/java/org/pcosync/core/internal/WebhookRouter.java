package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.HostException;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.client.PcoClientException;
import org.pcosync.client.WebhookDelivery;
import org.pcosync.client.WebhookSignatures;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncReport;
import org.pcosync.core.WebhookOutcome;
import org.pcosync.core.WebhookRejectedException;
import org.pcosync.core.WebhookResult;
import org.pcosync.core.port.PcoPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signed PCO webhook deliveries into targeted single-person syncs (DESIGN §10). The signature
 * is checked first (constant time) and nothing is read before it verifies. Per event:
 * <ul>
 *   <li>{@code person.updated}: the linked host person is synced with {@link Engine#syncPerson}
 *       (an echo of the sync's own write syncs nothing: both sides already agree);
 *   <li>{@code person.created}: ignored — the host is the master, a PCO-only person is linked by the
 *       next run's matching (§6) or by an import;
 *   <li>{@code person.destroyed}: a linked person is reported as a broken link; host data and the
 *       link are kept (an admin resolves it);
 *   <li>{@code person_merger.created}: PCO's merges are followed under the run lease exactly as a
 *       run does ({@link Merges}), then the kept person, when linked, is synced.
 * </ul>
 * Thread-safe: single-person syncs and merges take the account's run lease.
 */
public final class WebhookRouter {
  private static final Logger log = LoggerFactory.getLogger(WebhookRouter.class);

  /** A PCO person was created. */
  public static final String PERSON_CREATED = "people.v2.events.person.created";
  /** A PCO person was updated. */
  public static final String PERSON_UPDATED = "people.v2.events.person.updated";
  /** A PCO person was deleted. */
  public static final String PERSON_DESTROYED = "people.v2.events.person.destroyed";
  /** Two PCO people were merged. */
  public static final String MERGER_CREATED = "people.v2.events.person_merger.created";

  private static final Set<ErrorCode> RETRYABLE = EnumSet.of(ErrorCode.RUN_IN_PROGRESS, ErrorCode.PCO_UNAVAILABLE,
      ErrorCode.PCO_RATE_LIMITED, ErrorCode.HOST_FAILURE, ErrorCode.STATE_STORE_FAILURE);

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final SyncStateStore state;
  private final Engine engine;

  /** Creates the router of one account; every argument is required. */
  public WebhookRouter(PcoAccount account, PcoPort port, PersonRepository people, SyncStateStore state,
      Engine engine) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
    this.people = requireNonNull(people, "people == null");
    this.state = requireNonNull(state, "state == null");
    this.engine = requireNonNull(engine, "engine == null");
  }

  /**
   * Verifies and handles one webhook POST.
   *
   * @throws WebhookRejectedException when the signature does not verify or the body is no delivery
   */
  public WebhookResult handle(byte[] rawBody, String signature, String secret) {
    requireNonNull(rawBody, "rawBody == null");
    requireNonNull(secret, "secret == null");
    if (secret.isEmpty() || !WebhookSignatures.verify(rawBody, signature, secret)) {
      throw new WebhookRejectedException(WebhookRejectedException.Reason.BAD_SIGNATURE, "webhook for account "
          + account.id() + " refused: " + WebhookSignatures.HEADER + " is missing or does not verify with the"
          + " subscription's secret; nothing was synced", null);
    }
    List<WebhookDelivery> deliveries;
    try {
      deliveries = WebhookDelivery.parseAll(rawBody);
    } catch (PcoClientException e) {
      throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED_BODY, "webhook for account "
          + account.id() + " refused: the body is no PCO event delivery; nothing was synced", e);
    }
    List<WebhookOutcome> outcomes = new ArrayList<>();
    for (WebhookDelivery d : deliveries) {
      WebhookOutcome o = handle(d);
      log.info("account {}: webhook {} {}: {}", account.id(), d.name(), d.id(), o.getClass().getSimpleName());
      outcomes.add(o);
    }
    return new WebhookResult(outcomes);
  }

  private WebhookOutcome handle(WebhookDelivery d) {
    String pcoId = "Person".equals(d.resourceType()) ? d.resourceId() : null;
    try {
      switch (d.name()) {
        case PERSON_UPDATED:
          return pcoId == null ? noPerson(d) : syncLinked(d, pcoId);
        case PERSON_CREATED:
          return new WebhookOutcome.Ignored(d.id(), d.name(), pcoId, "the host is the master: a new PCO person is"
              + " linked by the next run's matching (name and email) or by an import, never created in the host here");
        case PERSON_DESTROYED:
          return pcoId == null ? noPerson(d) : destroyed(d, pcoId);
        case MERGER_CREATED:
          return merged(d);
        default:
          return new WebhookOutcome.Ignored(d.id(), d.name(), pcoId, "not an event this handler syncs (person"
              + " created/updated/destroyed, person_merger created)");
      }
    } catch (PcoSyncException e) {
      log.warn("account {}: webhook {} {} failed: {}", account.id(), d.name(), d.id(), e.getMessage());
      return new WebhookOutcome.Failed(d.id(), d.name(), pcoId, e.code(), e.getMessage(),
          RETRYABLE.contains(e.code()));
    }
  }

  private static WebhookOutcome unlinked(WebhookDelivery d, String pcoId) {
    return new WebhookOutcome.Ignored(d.id(), d.name(), pcoId, "PCO person " + pcoId
        + " is linked to no host person (the host is the master)");
  }

  private static WebhookOutcome noPerson(WebhookDelivery d) {
    return new WebhookOutcome.Ignored(d.id(), d.name(), null, "the payload names no PCO person");
  }

  private WebhookOutcome syncLinked(WebhookDelivery d, String pcoId) {
    Optional<Link> link = state.linkByPco(account.id(), pcoId);
    if (link.isEmpty()) {
      return unlinked(d, pcoId);
    }
    String stable = link.get().hostStableId();
    HostPerson person;
    try {
      person = people.findByStableIds(List.of(stable)).get(stable);
    } catch (PcoSyncException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HostException(stable, "find the person linked to PCO person " + pcoId, e);
    }
    if (person == null) {
      return new WebhookOutcome.Ignored(d.id(), d.name(), pcoId, "host person " + stable + ", linked to PCO person "
          + pcoId + ", no longer exists in the host");
    }
    SyncReport report = engine.syncPerson(person.id());
    return new WebhookOutcome.Synced(d.id(), d.name(), pcoId, person.id(), report);
  }

  private WebhookOutcome destroyed(WebhookDelivery d, String pcoId) {
    Optional<Link> link = state.linkByPco(account.id(), pcoId);
    if (link.isEmpty()) {
      return unlinked(d, pcoId);
    }
    String stable = link.get().hostStableId();
    log.warn("account {}: PCO deleted person {}, linked to host person {}", account.id(), pcoId, stable);
    return new WebhookOutcome.LinkBroken(d.id(), d.name(), pcoId, stable, "PCO deleted person " + pcoId
        + ", linked to host person " + stable + "; the host data and the link are kept, and runs report it until an"
        + " admin sets the PCO id by hand or deletes the link (after a PCO merge the merge event moves it)");
  }

  private WebhookOutcome merged(WebhookDelivery d) {
    String kept = text(d.attributes().get("person_to_keep_id"));
    List<SyncFailure> issues = engine.underLease(() -> new Merges(account, port, people, state).followMerges());
    if (!issues.isEmpty()) {
      return new WebhookOutcome.Failed(d.id(), d.name(), kept, ErrorCode.LINK_CONFLICT,
          issues.stream().map(SyncFailure::toString).collect(Collectors.joining("; ")), false);
    }
    if (kept == null) {
      return new WebhookOutcome.Ignored(d.id(), d.name(), null, "PCO's merges were followed; the payload names no"
          + " kept person to sync");
    }
    return syncLinked(d, kept);
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
