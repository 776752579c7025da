package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.core.FieldChange;
import org.pcosync.core.MassChangeHold;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncConflict;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.SyncSkip;
import org.pcosync.core.internal.JournalCodec.Change;
import org.pcosync.core.internal.JournalCodec.ConflictRecord;
import org.pcosync.core.internal.JournalCodec.HeldPerson;
import org.pcosync.core.internal.JournalCodec.HeldRecord;
import org.pcosync.core.internal.JournalCodec.LinkKind;
import org.pcosync.core.internal.JournalCodec.RunPerson;
import org.pcosync.core.internal.JournalCodec.RunRecord;
import org.pcosync.core.internal.JournalCodec.Side;
import org.pcosync.core.port.PcoPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the account's journal: applied runs with their before-values (for revert), plans the
 * mass-change guard held, and conflicts held for review. Ids are made from the clock (no
 * randomness) and made unique against the store. Held plans and conflicts are indexed in two
 * checkpoints, so a run reads those entries by id and never the whole journal. Not thread-safe;
 * used under the run lease.
 */
public final class Journal {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final PcoAccount account;
  private final SyncStateStore state;
  private final Clock clock;

  /** Creates a journal writer. */
  public Journal(PcoAccount account, SyncStateStore state, Clock clock) {
    this.account = requireNonNull(account, "account == null");
    this.state = requireNonNull(state, "state == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** Returns a fresh entry id: {@code prefix-<instant>}, with a counter when taken. */
  public String newId(String prefix) {
    String base = prefix + "-" + clock.instant();
    String id = base;
    for (int n = 2; state.journalEntry(account.id(), id).isPresent(); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  /** Checkpoint listing the ids of plans saved HELD (an index, so runs never read the whole journal). */
  static final String HELD_PLANS = "journal.held-plans";

  /** Checkpoint listing the ids of conflicts saved HELD. */
  static final String HELD_CONFLICTS = "journal.held-conflicts";

  /** Returns the entries an index checkpoint lists that are still HELD. */
  private List<JournalEntry> held(String index) {
    List<JournalEntry> out = new ArrayList<>();
    for (String id : state.checkpoint(account.id(), index).map(v -> v.split(",")).orElse(new String[0])) {
      state.journalEntry(account.id(), id).filter(e -> e.status() == JournalEntry.Status.HELD).ifPresent(out::add);
    }
    return out;
  }

  private void saveIndex(String index, List<String> ids) {
    if (ids.isEmpty()) {
      state.clearCheckpoint(account.id(), index);
    } else {
      state.saveCheckpoint(account.id(), index, String.join(",", ids));
    }
  }

  /** Marks every plan still held DISCARDED: a newer run planned from fresher reads supersedes them. */
  public void supersedeHeldPlans() {
    Instant now = clock.instant();
    for (JournalEntry e : held(HELD_PLANS)) {
      state.saveJournalEntry(e.withStatus(JournalEntry.Status.DISCARDED, now));
    }
    saveIndex(HELD_PLANS, List.of());
  }

  /** Saves a held plan; returns its entry. */
  public JournalEntry hold(SyncPlan plan, MassChangeHold hold) {
    List<HeldPerson> people = new ArrayList<>();
    for (PersonPlan p : plan.people()) {
      people.add(new HeldPerson(p.hostPersonId(), p.hostStableId(), p.pcoPersonId(), p.toString()));
    }
    Instant now = clock.instant();
    JournalEntry e = new JournalEntry(account.id(), hold.heldPlanId(), JournalEntry.Kind.HELD_PLAN,
        JournalEntry.Status.HELD, now, now, hold.reason() + "; " + plan.summary(),
        JournalCodec.encode(new HeldRecord(plan.mode(), plan.readAt(), hold.reason(), people)));
    state.saveJournalEntry(e);
    List<String> ids = new ArrayList<>(held(HELD_PLANS).stream().map(JournalEntry::id).toList());
    ids.add(e.id());
    saveIndex(HELD_PLANS, ids);
    return e;
  }

  /**
   * Reads, before a plan is applied, the whole home addresses it replaces (its changes keep only a
   * comparison key): from PCO for PCO writes, from the host for host writes. Keyed by {@code
   * stableId/side}; an address that cannot be read is left out (the revert then reports it).
   */
  public Map<String, PostalAddress> addressesBefore(SyncPlan plan, PcoPort port, PersonRepository people) {
    Map<String, PostalAddress> out = new LinkedHashMap<>();
    for (PersonPlan p : plan.people()) {
      if (p.creates()) {
        continue;
      }
      for (SyncOperation op : p.operations()) {
        for (FieldChange c : MassChangeGuard.changes(op)) {
          if (c.field() != SyncField.HOME_ADDRESS || c.before() == null) {
            continue;
          }
          Side side = op.writesHost() ? Side.HOST : Side.PCO;
          try {
            PostalAddress a = side == Side.HOST
                ? people.findById(p.hostPersonId()).map(h -> h.data().homeAddress()).orElse(null)
                : port.person(p.pcoPersonId()).map(pp -> (PostalAddress) Fields.pco(pp, account.nameMapping())
                    .side().values().get(SyncField.HOME_ADDRESS)).orElse(null);
            if (a != null && c.before().equals(a.comparisonKey())) {
              out.put(p.hostStableId() + "/" + side, a);
            }
          } catch (RuntimeException e) {
            log.warn("account {}: could not read the home address of host person {} before the run: {}",
                account.id(), p.hostPersonId(), e.toString());
          }
        }
      }
    }
    return out;
  }

  /**
   * Saves what an apply changed (operations that did not fail, with before-values) as an APPLIED
   * run; returns the entry id, or {@code null} when nothing was changed.
   */
  public String recordRun(SyncPlan plan, ReportBuilder report) {
    return recordRun(plan, report, Map.of());
  }

  /**
   * Saves what an apply changed, with the addresses read by {@link #addressesBefore}; returns the
   * entry id, or {@code null} when nothing was changed.
   */
  public String recordRun(SyncPlan plan, ReportBuilder report, Map<String, PostalAddress> addressesBefore) {
    Map<String, String> created = new LinkedHashMap<>();
    report.created.forEach(r -> created.put(r.hostPersonId(), r.pcoPersonId()));
    Set<String> aborted = new HashSet<>();
    for (SyncSkip s : report.skipped) {
      if (s.hostPersonId() != null && !plan.skipped().contains(s)) {
        aborted.add(s.hostPersonId());
      }
    }
    List<RunPerson> people = new ArrayList<>();
    for (PersonPlan p : plan.people()) {
      if (aborted.contains(p.hostPersonId())) {
        continue;
      }
      Set<SyncField> failed = new HashSet<>();
      boolean wholeFailed = false;
      for (SyncFailure f : report.failures) {
        if (p.hostPersonId().equals(f.hostPersonId()) && !plan.failures().contains(f)) {
          if (f.field() == null) {
            wholeFailed = true;
          } else {
            failed.add(f.field());
          }
        }
      }
      String pcoId = p.creates() ? created.get(p.hostPersonId()) : linkTarget(p);
      if (pcoId == null || (wholeFailed && (p.creates() || !MassChangeGuard.isLinked(p)))) {
        continue;
      }
      LinkKind kind = p.creates() ? LinkKind.CREATED : MassChangeGuard.isLinked(p) ? LinkKind.UPDATED : LinkKind.LINKED;
      List<Change> changes = wholeFailed || kind == LinkKind.CREATED ? List.of() : changes(p, failed);
      if (kind == LinkKind.UPDATED && changes.isEmpty()) {
        continue;
      }
      Map<Side, PostalAddress> addresses = new java.util.EnumMap<>(Side.class);
      for (Side side : Side.values()) {
        PostalAddress a = addressesBefore.get(p.hostStableId() + "/" + side);
        if (a != null && changes.stream().anyMatch(c -> c.side() == side && c.field() == SyncField.HOME_ADDRESS)) {
          addresses.put(side, a);
        }
      }
      people.add(new RunPerson(p.hostPersonId(), p.hostStableId(), pcoId, kind, changes, addresses));
    }
    if (people.isEmpty()) {
      return null;
    }
    String id = newId("run");
    Instant now = clock.instant();
    int changes = people.stream().mapToInt(r -> r.changes().size()).sum();
    state.saveJournalEntry(new JournalEntry(account.id(), id, JournalEntry.Kind.RUN, JournalEntry.Status.APPLIED, now,
        now, people.size() + " people, " + changes + " changes; " + plan.summary(),
        JournalCodec.encode(new RunRecord(plan.mode(), plan.readAt(), people))));
    return id;
  }

  private static String linkTarget(PersonPlan p) {
    if (!p.operations().isEmpty() && p.operations().get(0) instanceof SyncOperation.LinkPerson l) {
      return l.pcoPersonId();
    }
    return p.pcoPersonId();
  }

  /** Returns a person plan's changes per side and field (first before, last after), minus failed fields. */
  static List<Change> changes(PersonPlan p, Set<SyncField> failed) {
    Map<String, Change> out = new LinkedHashMap<>();
    for (SyncOperation op : p.operations()) {
      if (op instanceof SyncOperation.CreatePerson) {
        continue; // the created person's fields are not reverted field by field
      }
      Side side = op.writesHost() ? Side.HOST : Side.PCO;
      List<Change> cs = new ArrayList<>();
      for (FieldChange c : MassChangeGuard.changes(op)) {
        cs.add(new Change(side, c.field(), c.before(), c.after()));
      }
      if (op instanceof SyncOperation.AddToServices) {
        cs.add(new Change(Side.PCO, SyncField.PERMISSION, null,
            org.pcosync.api.PermissionLevel.SCHEDULED_VIEWER.pcoValue()));
      } else if (op instanceof SyncOperation.SetPermission s) {
        cs.add(new Change(Side.PCO, SyncField.PERMISSION, Planner.stateValue(s.before()), s.after().pcoValue()));
      } else if (op instanceof SyncOperation.Archive a) {
        cs.add(new Change(Side.PCO, SyncField.PERMISSION, Planner.stateValue(a.before()), "Archived"));
      } else if (op instanceof SyncOperation.AssignTags t) {
        cs.add(new Change(Side.PCO, SyncField.TAGS, Fields.tags(t.before()), Fields.tags(t.after())));
      } else if (op instanceof SyncOperation.SetHostTags t) {
        cs.add(new Change(Side.HOST, SyncField.TAGS, Fields.tags(t.before()), Fields.tags(t.after())));
      }
      for (Change c : cs) {
        if (failed.contains(c.field())) {
          continue;
        }
        String key = c.side() + "/" + c.field();
        Change first = out.get(key);
        out.put(key, first == null ? c : new Change(c.side(), c.field(), first.before(), c.after()));
      }
    }
    out.values().removeIf(c -> Objects.equals(c.before(), c.after()));
    return List.copyOf(out.values());
  }

  /**
   * Saves each conflict the plan holds for review as a HELD conflict entry, unless the same
   * conflict (person, field, both values) is already held; a held entry of the same person and
   * field with other values is superseded (DISCARDED).
   */
  public void holdConflicts(SyncPlan plan) {
    List<SyncConflict> held = plan.conflicts().stream().filter(c -> c.winner().equals("held")).toList();
    if (held.isEmpty()) {
      return;
    }
    Map<String, String> stableOf = new LinkedHashMap<>();
    plan.people().forEach(p -> stableOf.put(p.hostPersonId(), p.hostStableId()));
    List<JournalEntry> open = held(HELD_CONFLICTS);
    List<String> stillHeld = new ArrayList<>(open.stream().map(JournalEntry::id).toList());
    Instant now = clock.instant();
    for (SyncConflict c : held) {
      String stable = stableOf.get(c.hostPersonId());
      if (stable == null) {
        stable = c.pcoPersonId() == null ? c.hostPersonId() : state.linkByPco(account.id(), c.pcoPersonId())
            .map(org.pcosync.api.Link::hostStableId).orElse(c.hostPersonId());
      }
      boolean known = false;
      for (JournalEntry e : open) {
        SyncConflict o = JournalCodec.decodeConflict(e.payload()).conflict();
        if (o.hostPersonId().equals(c.hostPersonId()) && o.field() == c.field()) {
          if (Objects.equals(o.hostValue(), c.hostValue()) && Objects.equals(o.pcoValue(), c.pcoValue())) {
            known = true;
          } else {
            state.saveJournalEntry(e.withStatus(JournalEntry.Status.DISCARDED, now));
            stillHeld.remove(e.id());
          }
        }
      }
      if (!known) {
        String id = newId("conflict");
        state.saveJournalEntry(new JournalEntry(account.id(), id, JournalEntry.Kind.CONFLICT,
            JournalEntry.Status.HELD, now, now, c.toString(), JournalCodec.encode(new ConflictRecord(stable, c))));
        stillHeld.add(id);
      }
    }
    saveIndex(HELD_CONFLICTS, stillHeld);
  }
}
