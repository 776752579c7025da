package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortMerger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows PCO merges before a run plans (DESIGN §6): a merge read from {@code person_mergers} since
 * the saved cursor moves the link of the removed person to the kept one, with fresh bases so the
 * next run syncs it like a new link and creates nobody. When the kept person is linked to another
 * host person already, both links stay and the run reports it (two host people on one PCO person;
 * later runs report the link to a person PCO no longer has) until an admin resolves it — unless the host merged those two people too: then the
 * merged-away link goes and one link is left. Host-side merges are the planner's (it reports two links
 * landing on one host person). Not thread-safe; used under the run lease.
 */
public final class Merges {
  private static final Logger log = LoggerFactory.getLogger(Merges.class);

  /** The cursor of PCO person mergers in the state store. */
  public static final String CURSOR = "person_mergers.created_at";

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final SyncStateStore state;

  /** Creates the merge follower of one run. */
  public Merges(PcoAccount account, PcoPort port, PersonRepository people, SyncStateStore state) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
    this.people = requireNonNull(people, "people == null");
    this.state = requireNonNull(state, "state == null");
  }

  /** Follows PCO merges; returns what an admin must resolve (two host people on one PCO person). */
  public List<SyncFailure> followMerges() {
    List<SyncFailure> issues = new ArrayList<>();
    followPcoMerges(issues);
    return issues;
  }

  private void followPcoMerges(List<SyncFailure> issues) {
    Instant since = state.cursor(account.id(), CURSOR).orElse(Instant.EPOCH);
    List<PortMerger> mergers = port.mergersSince(since);
    Instant newest = since;
    for (PortMerger m : mergers) {
      newest = m.createdAt().isAfter(newest) ? m.createdAt() : newest;
      Optional<Link> removed = state.linkByPco(account.id(), m.removedId());
      if (removed.isEmpty()) {
        continue;
      }
      Link link = removed.get();
      Optional<Link> kept = state.linkByPco(account.id(), m.keptId());
      if (kept.isPresent() && !kept.get().hostStableId().equals(link.hostStableId())) {
        if (sameHostPerson(link.hostStableId(), kept.get().hostStableId())) {
          state.deleteLink(account.id(), link.hostStableId()); // merged on both sides: one link is left
          log.info("account {}: PCO merged {} into {} and the host merged {} into {}; one link left", account.id(),
              m.removedId(), m.keptId(), link.hostStableId(), kept.get().hostStableId());
          continue;
        }
        issues.add(new SyncFailure(link.hostStableId(), m.keptId(), null, ErrorCode.LINK_CONFLICT,
            "PCO merged person " + m.removedId() + " into " + m.keptId() + ", which is linked to host person "
                + kept.get().hostStableId() + ": two host people on one PCO person; merge them in the host, or set"
                + " one's PCO id by hand"));
        continue;
      }
      state.saveLink(Link.create(account.id(), link.hostStableId(), m.keptId(), link.linkedAt()));
      log.info("account {}: PCO merged {} into {}; host person {} now linked to {}", account.id(), m.removedId(),
          m.keptId(), link.hostStableId(), m.keptId());
    }
    if (newest.isAfter(since)) {
      state.saveCursor(account.id(), CURSOR, newest);
    }
  }

  /** Returns whether two stable ids find the same host person (the host merged them). */
  private boolean sameHostPerson(String stableA, String stableB) {
    Map<String, HostPerson> found = people.findByStableIds(List.of(stableA, stableB));
    HostPerson a = found.get(stableA);
    HostPerson b = found.get(stableB);
    return a != null && b != null && a.id().equals(b.id());
  }
}
