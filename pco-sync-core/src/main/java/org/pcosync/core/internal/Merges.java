package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
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
 * host person already, both links stay and the run reports it (two host people on one PCO person)
 * on every run until an admin resolves it. Host-side merges are the planner's (it reports two links
 * landing on one host person). Not thread-safe; used under the run lease.
 */
public final class Merges {
  private static final Logger log = LoggerFactory.getLogger(Merges.class);

  /** The cursor of PCO person mergers in the state store. */
  public static final String CURSOR = "person_mergers.created_at";

  private final PcoAccount account;
  private final PcoPort port;
  private final SyncStateStore state;

  /** Creates the merge follower of one run. */
  public Merges(PcoAccount account, PcoPort port, SyncStateStore state) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
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
}
