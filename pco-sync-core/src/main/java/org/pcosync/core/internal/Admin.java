package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.HostPerson;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.ServicesState;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.core.FieldChange;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncConflict;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.SyncReport;
import org.pcosync.core.SyncSkip;
import org.pcosync.core.admin.AccountStatus;
import org.pcosync.core.admin.HeldConflict;
import org.pcosync.core.admin.HeldPlan;
import org.pcosync.core.admin.PcoSyncAdmin;
import org.pcosync.core.admin.Resolution;
import org.pcosync.core.admin.RevertReport;
import org.pcosync.core.admin.RevertReport.NotReverted;
import org.pcosync.core.admin.SyncSetPreview;
import org.pcosync.core.internal.JournalCodec.Change;
import org.pcosync.core.internal.JournalCodec.HeldPerson;
import org.pcosync.core.internal.JournalCodec.HeldRecord;
import org.pcosync.core.internal.JournalCodec.LinkKind;
import org.pcosync.core.internal.JournalCodec.RunPerson;
import org.pcosync.core.internal.JournalCodec.RunRecord;
import org.pcosync.core.internal.JournalCodec.Side;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortServicesPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PcoSyncAdmin} over the engine, the port, the host SPIs and the state store. Thread-safe. */
public final class Admin implements PcoSyncAdmin {
  private static final Logger log = LoggerFactory.getLogger(Admin.class);

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final GroupRepository groups;
  private final TagAttributeStore tags;
  private final SyncStateStore state;
  private final Clock clock;
  private final Engine engine;

  /** Creates the admin operations of the engine's account; every argument is required. */
  public Admin(PcoAccount account, PcoPort port, PersonRepository people, GroupRepository groups,
      TagAttributeStore tags, SyncStateStore state, Clock clock, Engine engine) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
    this.people = requireNonNull(people, "people == null");
    this.groups = requireNonNull(groups, "groups == null");
    this.tags = requireNonNull(tags, "tags == null");
    this.state = requireNonNull(state, "state == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.engine = requireNonNull(engine, "engine == null");
  }

  // ---- status and sync set --------------------------------------------------------------------------

  /** The host's side of the sync set: groups, members and the people linked. */
  private record HostView(List<SyncGroup> groups, SyncSet set, Map<String, HostPerson> inSet,
      Map<String, Link> links, Map<String, HostPerson> linkedPeople) {}

  private HostView hostView() {
    List<SyncGroup> syncGroups = groups.syncGroups(account.id());
    Map<String, Set<String>> members = new HashMap<>();
    syncGroups.forEach(g -> members.put(g.id(), groups.activeMemberIds(g.id())));
    Map<String, Set<String>> selected = account.profile().servicesEnabled() ? tags.peopleWithTags(account.id())
        : Map.of();
    SyncSet set = SyncSet.compute(syncGroups, members, selected);
    Map<String, HostPerson> inSet = people.findByIds(set.members().keySet());
    Map<String, Link> links = new LinkedHashMap<>();
    state.links(account.id()).forEach(l -> links.put(l.hostStableId(), l));
    Map<String, HostPerson> linked = links.isEmpty() ? Map.of() : people.findByStableIds(List.copyOf(links.keySet()));
    return new HostView(syncGroups, set, inSet, links, linked);
  }

  @Override
  public AccountStatus status() {
    HostView v = hostView();
    Map<String, AccountStatus.PersonStatus> out = new LinkedHashMap<>();
    Set<String> stableInSet = new HashSet<>();
    for (HostPerson p : v.inSet().values()) {
      stableInSet.add(p.stableId());
      Link link = v.links().get(p.stableId());
      out.put(p.id(), personStatus(p.id(), p.stableId(), p.label(), v.set().members().get(p.id()).level(), link));
    }
    for (Link link : v.links().values()) {
      if (stableInSet.contains(link.hostStableId())) {
        continue;
      }
      HostPerson p = v.linkedPeople().get(link.hostStableId());
      String id = p == null ? link.hostStableId() : p.id();
      String label = p == null ? link.hostStableId() + " (not in the host)" : p.label();
      if (p != null && !p.stableId().equals(link.hostStableId())) {
        label = p.label() + " (the host merged " + link.hostStableId() + " into them; this link is not synced)";
        out.put("merged " + link.hostStableId(), personStatus(id, link.hostStableId(), label, null, link));
        continue;
      }
      out.putIfAbsent(id, personStatus(id, link.hostStableId(), label, null, link));
    }
    List<AccountStatus.PersonStatus> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing((AccountStatus.PersonStatus s) -> s.hostPersonId().length())
        .thenComparing(AccountStatus.PersonStatus::hostPersonId));
    return new AccountStatus(account.id(), v.groups(), list);
  }

  private static AccountStatus.PersonStatus personStatus(String id, String stable, String label, PermissionLevel level,
      Link link) {
    return new AccountStatus.PersonStatus(id, stable, label, level != null, level,
        link == null ? null : link.pcoPersonId(), link == null ? null : link.pcoBase().get(SyncField.PERMISSION),
        link == null ? FieldSnapshot.EMPTY : link.hostBase(), link == null ? FieldSnapshot.EMPTY : link.pcoBase(),
        link == null ? null : link.syncedAt());
  }

  @Override
  public SyncSetPreview previewSyncSet() {
    AccountStatus s = status();
    List<SyncSetPreview.Entry> in = new ArrayList<>();
    List<SyncSetPreview.Entry> leaving = new ArrayList<>();
    for (AccountStatus.PersonStatus p : s.people()) {
      SyncSetPreview.Entry e = new SyncSetPreview.Entry(p.hostPersonId(), p.label(), p.hostLevel(), p.pcoPersonId());
      (p.inSyncSet() ? in : leaving).add(e);
    }
    return new SyncSetPreview(in, leaving);
  }

  // ---- links by hand and deletes ------------------------------------------------------------------

  private HostPerson hostPerson(String hostPersonId) {
    return people.findById(requireNonNull(hostPersonId, "hostPersonId == null"))
        .orElseThrow(() -> new IllegalArgumentException("no host person " + hostPersonId));
  }

  @Override
  public void setPcoPersonId(String hostPersonId, String pcoPersonId) {
    requireNonNull(pcoPersonId, "pcoPersonId == null");
    HostPerson p = hostPerson(hostPersonId);
    if (port.person(pcoPersonId).isEmpty()) {
      throw new IllegalArgumentException("no PCO person " + pcoPersonId);
    }
    Optional<Link> taken = state.linkByPco(account.id(), pcoPersonId)
        .filter(l -> !l.hostStableId().equals(p.stableId()));
    boolean mergedHere = taken.isPresent() && Optional.ofNullable(
        people.findByStableIds(List.of(taken.get().hostStableId())).get(taken.get().hostStableId()))
        .map(h -> h.id().equals(p.id())).orElse(false);
    engine.underLease(() -> {
      if (mergedHere) {
        state.deleteLink(account.id(), taken.get().hostStableId()); // the host merged that person into this one
      }
      Link link = Link.create(account.id(), p.stableId(), pcoPersonId, clock.instant());
      state.saveLink(link);
      state.deleteCreateIntent(account.id(), p.stableId());
      log.info("account {}: host person {} linked to PCO person {} by hand", account.id(), hostPersonId, pcoPersonId);
      return null;
    });
  }

  @Override
  public boolean unlink(String hostStableId) {
    requireNonNull(hostStableId, "hostStableId == null");
    return engine.underLease(() -> {
      boolean removed = state.deleteLink(account.id(), hostStableId);
      log.info("account {}: link of host person {} removed by hand: {}", account.id(), hostStableId, removed);
      return removed;
    });
  }

  @Override
  public String deletePcoPerson(String hostPersonId) {
    HostPerson p = hostPerson(hostPersonId);
    return engine.underLease(() -> {
      Link link = state.linkByHost(account.id(), p.stableId())
          .orElseThrow(() -> new IllegalArgumentException("host person " + hostPersonId + " is not linked"));
      port.deletePerson(link.pcoPersonId());
      state.deleteLink(account.id(), p.stableId());
      log.info("account {}: deleted PCO person {} of host person {} and the link", account.id(), link.pcoPersonId(),
          hostPersonId);
      return link.pcoPersonId();
    });
  }

  // ---- held plans ---------------------------------------------------------------------------------

  private List<JournalEntry> entries(JournalEntry.Kind kind, JournalEntry.Status status) {
    return state.journal(account.id()).stream().filter(e -> e.kind() == kind && e.status() == status).toList();
  }

  private JournalEntry entry(String id, JournalEntry.Kind kind, JournalEntry.Status status) {
    return state.journalEntry(account.id(), requireNonNull(id, "id == null"))
        .filter(e -> e.kind() == kind && e.status() == status)
        .orElseThrow(() -> new IllegalArgumentException("no " + status + " " + kind + " entry " + id));
  }

  @Override
  public List<HeldPlan> heldPlans() {
    List<HeldPlan> out = new ArrayList<>();
    for (JournalEntry e : entries(JournalEntry.Kind.HELD_PLAN, JournalEntry.Status.HELD)) {
      HeldRecord r = JournalCodec.decodeHeld(e.payload());
      out.add(new HeldPlan(e.id(), e.createdAt(), r.mode(), r.reason(), e.summary(), r.people().size()));
    }
    return out;
  }

  @Override
  public SyncReport applyHeldPlan(String heldPlanId) {
    JournalEntry e = entry(heldPlanId, JournalEntry.Kind.HELD_PLAN, JournalEntry.Status.HELD);
    HeldRecord held = JournalCodec.decodeHeld(e.payload());
    SyncPlan fresh = engine.plan(held.mode());
    Map<String, PersonPlan> freshByStable = new HashMap<>();
    fresh.people().forEach(p -> freshByStable.put(p.hostStableId(), p));
    List<PersonPlan> approved = new ArrayList<>();
    List<SyncSkip> skipped = new ArrayList<>(fresh.skipped());
    for (HeldPerson h : held.people()) {
      PersonPlan now = freshByStable.get(h.hostStableId());
      if (now != null && now.toString().equals(h.text())) {
        approved.add(now);
      } else {
        skipped.add(new SyncSkip(h.hostPersonId(), h.pcoPersonId(),
            "changed since the plan was held (" + (now == null ? "nothing to do now" : "the plan differs now")
                + "); the next run plans it again"));
      }
    }
    SyncPlan plan = new SyncPlan(fresh.accountId(), fresh.mode(), fresh.readAt(), approved, fresh.tagsToPublish(),
        fresh.conflicts(), skipped, fresh.failures(), fresh.linkedCount());
    SyncReport report = engine.apply(plan);
    state.saveJournalEntry(e.withStatus(JournalEntry.Status.APPLIED, clock.instant()));
    log.info("account {}: held plan {} applied by an admin: {}", account.id(), heldPlanId, report.summary());
    return report;
  }

  @Override
  public void discardHeldPlan(String heldPlanId) {
    JournalEntry e = entry(heldPlanId, JournalEntry.Kind.HELD_PLAN, JournalEntry.Status.HELD);
    state.saveJournalEntry(e.withStatus(JournalEntry.Status.DISCARDED, clock.instant()));
  }

  // ---- conflicts ----------------------------------------------------------------------------------

  @Override
  public List<HeldConflict> conflicts() {
    List<HeldConflict> out = new ArrayList<>();
    for (JournalEntry e : entries(JournalEntry.Kind.CONFLICT, JournalEntry.Status.HELD)) {
      out.add(new HeldConflict(e.id(), e.createdAt(), JournalCodec.decodeConflict(e.payload()).conflict()));
    }
    out.sort(Comparator.comparing(HeldConflict::heldAt).thenComparing(HeldConflict::id));
    return out;
  }

  @Override
  public SyncReport resolveConflict(String conflictId, Resolution choice) {
    requireNonNull(choice, "choice == null");
    JournalEntry e = entry(conflictId, JournalEntry.Kind.CONFLICT, JournalEntry.Status.HELD);
    JournalCodec.ConflictRecord r = JournalCodec.decodeConflict(e.payload());
    SyncConflict c = r.conflict();
    Instant readAt = clock.instant();
    Current now = current(r.hostStableId(), c.pcoPersonId());
    List<SyncOperation> ops = List.of();
    SyncSkip stale = null;
    if (now.problem() != null || !Objects.equals(now.host().snapshot().get(c.field()), c.hostValue())
        || !Objects.equals(now.pco().side().snapshot().get(c.field()), c.pcoValue())) {
      stale = new SyncSkip(c.hostPersonId(), c.pcoPersonId(), c.field() + " changed since the conflict was held;"
          + " nothing written (the next run finds the conflict again if it stands)");
    } else {
      FieldWrites w = new FieldWrites(account.nameMapping(), now.pco());
      if (choice == Resolution.HOST_VALUE) {
        w.pco(c.field(), now.host().values().get(c.field()), new FieldChange(c.field(), c.pcoValue(), c.hostValue()));
      } else {
        w.host(c.field(), now.pco().side().values().get(c.field()),
            new FieldChange(c.field(), c.hostValue(), c.pcoValue()));
      }
      ops = w.operations();
    }
    List<PersonPlan> plans = ops.isEmpty() ? List.of()
        : List.of(new PersonPlan(now.person().id(), r.hostStableId(), c.pcoPersonId(), now.person().label(), ops));
    SyncReport report = engine.apply(new SyncPlan(account.id(), org.pcosync.api.RunMode.FULL, readAt, plans, null,
        List.of(), stale == null ? List.of() : List.of(stale), List.of(), 1));
    boolean done = stale == null && report.failures().isEmpty() && report.skipped().isEmpty();
    state.saveJournalEntry(e.withStatus(done ? JournalEntry.Status.RESOLVED
        : stale != null ? JournalEntry.Status.DISCARDED : JournalEntry.Status.HELD, clock.instant()));
    return report;
  }

  /** A linked person's current state on both sides, or why it could not be read. */
  private record Current(HostPerson person, Fields.Side host, Fields.PcoSide pco, PortServicesPerson services,
      String problem) {}

  private Current current(String hostStableId, String pcoPersonId) {
    Optional<Link> link = state.linkByHost(account.id(), hostStableId);
    if (link.isEmpty() || !link.get().pcoPersonId().equals(pcoPersonId)) {
      return new Current(null, null, null, null, "linked to " + link.map(Link::pcoPersonId).orElse("nobody") + " now");
    }
    HostPerson p = people.findByStableIds(List.of(hostStableId)).get(hostStableId);
    if (p == null) {
      return new Current(null, null, null, null, "no longer in the host");
    }
    Optional<PortPerson> pco = port.person(pcoPersonId);
    if (pco.isEmpty()) {
      return new Current(p, null, null, null, "no longer in PCO");
    }
    PortServicesPerson services = account.profile().servicesEnabled() ? port.servicesPerson(pcoPersonId).orElse(null)
        : null;
    return new Current(p, Fields.host(p, account.nameMapping()), Fields.pco(pco.get(), account.nameMapping()), services,
        null);
  }

  // ---- revert -------------------------------------------------------------------------------------

  @Override
  public RevertReport revert(String runId) {
    JournalEntry e = entry(runId, JournalEntry.Kind.RUN, JournalEntry.Status.APPLIED);
    RunRecord run = JournalCodec.decodeRun(e.payload());
    Instant readAt = clock.instant();
    List<PersonPlan> plans = new ArrayList<>();
    List<NotReverted> notReverted = new ArrayList<>();
    for (RunPerson rp : run.people()) {
      if (rp.linkKind() == LinkKind.CREATED) {
        notReverted.add(new NotReverted(rp.hostPersonId(), rp.pcoPersonId(), null, null, null,
            "created in PCO by the run; kept (delete it with deletePcoPerson if unwanted)"));
        continue;
      }
      if (rp.changes().isEmpty()) {
        continue;
      }
      Current now = current(rp.hostStableId(), rp.pcoPersonId());
      if (now.problem() != null) {
        notReverted.add(new NotReverted(rp.hostPersonId(), rp.pcoPersonId(), null, null, null,
            "not reverted: " + now.problem()));
        continue;
      }
      List<SyncOperation> ops = inverse(rp, now, notReverted);
      if (!ops.isEmpty()) {
        plans.add(new PersonPlan(now.person().id(), rp.hostStableId(), rp.pcoPersonId(), now.person().label(), ops));
      }
    }
    SyncReport applied = engine.apply(new SyncPlan(account.id(), run.mode(), readAt, plans, null, List.of(), List.of(),
        List.of(), plans.size()));
    state.saveJournalEntry(e.withStatus(JournalEntry.Status.REVERTED, clock.instant()));
    log.info("account {}: run {} reverted: {}; {} changes not reverted", account.id(), runId, applied.summary(),
        notReverted.size());
    return new RevertReport(runId, applied, notReverted);
  }

  private List<SyncOperation> inverse(RunPerson rp, Current now, List<NotReverted> notReverted) {
    FieldWrites w = new FieldWrites(account.nameMapping(), now.pco());
    List<SyncOperation> services = new ArrayList<>();
    ServicesState state = now.services() == null ? ServicesState.ABSENT : now.services().state();
    for (Change c : rp.changes()) {
      String current = currentValue(c, now, state);
      if (!Objects.equals(current, c.after())) {
        notReverted.add(new NotReverted(rp.hostPersonId(), rp.pcoPersonId(), c.field(), c.after(), current,
            "changed since the run (" + c.side() + " holds " + show(current) + ", the run wrote "
                + show(c.after()) + ")"));
        continue;
      }
      FieldChange back = new FieldChange(c.field(), c.after(), c.before());
      String why = null;
      if (c.field() == SyncField.PERMISSION) {
        if (c.before() == null) {
          why = "added to Services by the run; PCO cannot remove a Services person (archive them if unwanted)";
        } else if (c.before().equals("Archived")) {
          services.add(new SyncOperation.Archive(state));
        } else {
          services.add(new SyncOperation.SetPermission(state, PermissionLevel.parse(c.before())));
        }
      } else if (c.field() == SyncField.TAGS) {
        services.add(c.side() == Side.PCO
            ? new SyncOperation.AssignTags(Fields.tagSet(c.after()), Fields.tagSet(c.before()))
            : new SyncOperation.SetHostTags(Fields.tagSet(c.after()), Fields.tagSet(c.before())));
      } else {
        try {
          PostalAddress address = c.field() == SyncField.HOME_ADDRESS ? rp.addressesBefore().get(c.side()) : null;
          Object value = address != null ? address : FieldWrites.typed(c.field(), c.before());
          if (c.side() == Side.HOST) {
            w.host(c.field(), value, back);
          } else if (!w.pco(c.field(), value, back)) {
            why = "PCO emails are never deleted";
          }
        } catch (IllegalArgumentException ex) {
          why = ex.getMessage();
        }
      }
      if (why != null) {
        notReverted.add(new NotReverted(rp.hostPersonId(), rp.pcoPersonId(), c.field(), c.after(), current, why));
      }
    }
    List<SyncOperation> ops = new ArrayList<>(w.operations());
    ops.addAll(services);
    return ops;
  }

  private static String show(String v) {
    return v == null ? "(empty)" : "'" + v + "'";
  }

  private String currentValue(Change c, Current now, ServicesState services) {
    if (c.field() == SyncField.PERMISSION) {
      return Planner.stateValue(services);
    }
    if (c.field() == SyncField.TAGS) {
      return c.side() == Side.PCO ? Fields.tags(now.services() == null ? Set.of() : now.services().tagIds())
          : Fields.tags(tags.selectedTags(now.person().id(), account.id()));
    }
    return c.side() == Side.HOST ? now.host().snapshot().get(c.field()) : now.pco().side().snapshot().get(c.field());
  }
}
