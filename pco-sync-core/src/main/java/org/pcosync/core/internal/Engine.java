package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.HostException;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.Normalize;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.RunLease;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.core.SyncAlreadyRunningException;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.SyncReport;
import org.pcosync.core.port.Page;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortServicesPerson;
import org.pcosync.core.port.PortTagGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's engine: lease → cursor → reads → {@link Planner#plan} → {@link Applier} → cursor →
 * report. Holds no state between calls beyond its collaborators; everything that must survive is
 * in the {@link SyncStateStore}. Thread-safe: concurrent calls are kept apart by the run lease.
 */
public final class Engine {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  /** The updates-only cursor's name in the state store. */
  public static final String CURSOR = "people.updated_at";

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final GroupRepository groups;
  private final TagAttributeStore tags;
  private final SyncStateStore state;
  private final Clock clock;
  private final Executor executor;
  private final Listeners listener;
  private final String owner;
  private final Duration leaseTtl;

  /** Creates an engine; every argument is required. */
  public Engine(PcoAccount account, PcoPort port, PersonRepository people, GroupRepository groups,
      TagAttributeStore tags, SyncStateStore state, Clock clock, Executor executor, Listeners listener, String owner,
      Duration leaseTtl) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
    this.people = requireNonNull(people, "people == null");
    this.groups = requireNonNull(groups, "groups == null");
    this.tags = requireNonNull(tags, "tags == null");
    this.state = requireNonNull(state, "state == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.executor = requireNonNull(executor, "executor == null");
    this.listener = requireNonNull(listener, "listener == null");
    this.owner = requireNonNull(owner, "owner == null");
    this.leaseTtl = requireNonNull(leaseTtl, "leaseTtl == null");
  }

  /** Reads both sides and plans; writes nothing and takes no lease. */
  public SyncPlan plan(RunMode mode) {
    return Planner.plan(read(mode, null, () -> { }));
  }

  /** Plans one host person from fresh reads; writes nothing. */
  public SyncPlan planPerson(String hostPersonId) {
    return Planner.plan(read(RunMode.FULL, requireNonNull(hostPersonId, "hostPersonId == null"), () -> { }));
  }

  /** Takes the lease, reads, plans, applies, saves the cursor, reports. */
  public SyncReport run(RunMode mode) {
    return leased(mode, lease -> {
      List<SyncFailure> mergeIssues = new Merges(account, port, people, state).followMerges();
      SyncPlan plan = withFailures(Planner.plan(read(mode, null, lease::renewIfDue)), mergeIssues);
      listener.fire(l -> l.planned(plan));
      Journal journal = new Journal(account, state, clock);
      journal.holdConflicts(plan);
      journal.supersedeHeldPlans();
      org.pcosync.core.MassChangeHold hold = MassChangeGuard.check(plan, account, journal.newId("held"));
      if (hold != null) {
        return held(plan, hold, journal);
      }
      return applyHeld(plan, lease, true, false);
    });
  }

  /** Takes the lease and applies a plan made earlier. */
  public SyncReport apply(SyncPlan plan) {
    requireNonNull(plan, "plan == null");
    if (!plan.accountId().equals(account.id())) {
      throw new PcoSyncException(ErrorCode.CONFIGURATION,
          "plan of account " + plan.accountId() + " applied to account " + account.id());
    }
    return leased(plan.mode(), lease -> applyHeld(plan, lease, false, true));
  }

  /** Takes the lease and syncs one host person. */
  public SyncReport syncPerson(String hostPersonId) {
    return leased(RunMode.FULL, lease -> {
      SyncPlan plan = Planner.plan(read(RunMode.FULL, hostPersonId, lease::renewIfDue));
      listener.fire(l -> l.planned(plan));
      new Journal(account, state, clock).holdConflicts(plan);
      return applyHeld(plan, lease, false, false);
    });
  }

  /**
   * Runs short admin work (a link by hand, a delete) under the account's run lease.
   *
   * @throws SyncAlreadyRunningException when a run holds the lease
   */
  public <T> T underLease(java.util.function.Supplier<T> work) {
    Optional<RunLease> lease = state.tryAcquireLease(account.id(), owner, clock.instant(), leaseTtl);
    if (lease.isEmpty()) {
      throw new SyncAlreadyRunningException(account.id(), state.currentLease(account.id()).orElse(null));
    }
    try {
      return work.get();
    } finally {
      state.releaseLease(lease.get());
    }
  }

  /**
   * Runs long work (the import from PCO) under the account's run lease; the work calls the given
   * heartbeat between steps, which renews the lease when due.
   *
   * @throws SyncAlreadyRunningException when a run holds the lease, or the lease was lost
   */
  public <T> T underRenewedLease(java.util.function.Function<Runnable, T> work) {
    Optional<RunLease> lease = state.tryAcquireLease(account.id(), owner, clock.instant(), leaseTtl);
    if (lease.isEmpty()) {
      throw new SyncAlreadyRunningException(account.id(), state.currentLease(account.id()).orElse(null));
    }
    LeaseKeeper keeper = new LeaseKeeper(lease.get());
    try {
      return work.apply(keeper::renewIfDue);
    } finally {
      state.releaseLease(keeper.lease);
    }
  }

  private interface LeasedWork {
    SyncReport run(LeaseKeeper lease);
  }

  private SyncReport leased(RunMode mode, LeasedWork work) {
    Instant now = clock.instant();
    Optional<RunLease> lease = state.tryAcquireLease(account.id(), owner, now, leaseTtl);
    if (lease.isEmpty()) {
      throw new SyncAlreadyRunningException(account.id(), state.currentLease(account.id()).orElse(null));
    }
    LeaseKeeper keeper = new LeaseKeeper(lease.get());
    listener.fire(l -> l.runStarted(account.id(), mode));
    try {
      return work.run(keeper);
    } finally {
      state.releaseLease(keeper.lease);
    }
  }

  private SyncReport applyHeld(SyncPlan plan, LeaseKeeper lease, boolean saveCursor, boolean checkStale) {
    Instant started = lease.startedAt;
    ReportBuilder report = new ReportBuilder();
    Journal journal = new Journal(account, state, clock);
    Map<String, org.pcosync.api.PostalAddress> addressesBefore = journal.addressesBefore(plan, port, people);
    new Applier(account, port, people, tags, state, clock, executor, listener, lease::renewIfDue).apply(plan, report,
        checkStale);
    boolean hostWriteFailed = report.failures().stream()
        .anyMatch(f -> f.code() == ErrorCode.HOST_FAILURE || f.code() == ErrorCode.STATE_STORE_FAILURE);
    if (saveCursor && !hostWriteFailed) {
      state.saveCursor(account.id(), CURSOR, plan.readAt());
    }
    String runId = journal.recordRun(plan, report, addressesBefore);
    SyncReport r = report.build(account.id(), plan.mode(), started, clock.instant()).withJournalId(runId);
    log.info("{}", r.summary());
    listener.fire(l -> l.runFinished(r));
    return r;
  }

  /** Journals a plan the mass-change guard held; reports it, applying nothing (the cursor stays). */
  private SyncReport held(SyncPlan plan, org.pcosync.core.MassChangeHold hold, Journal journal) {
    Instant now = clock.instant();
    journal.hold(plan, hold);
    SyncReport r = new SyncReport(account.id(), plan.mode(), plan.readAt(), now, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), plan.skipped(), plan.conflicts(), plan.failures(), hold.heldPlanId(), hold);
    log.warn("{}", r.summary());
    listener.fire(l -> l.runFinished(r));
    return r;
  }

  private static SyncPlan withFailures(SyncPlan plan, List<SyncFailure> more) {
    if (more.isEmpty()) {
      return plan;
    }
    List<SyncFailure> all = new ArrayList<>(plan.failures());
    all.addAll(more);
    return new SyncPlan(plan.accountId(), plan.mode(), plan.readAt(), plan.people(), plan.tagsToPublish(),
        plan.conflicts(), plan.skipped(), all, plan.linkedCount());
  }

  /** Renews the lease on the caller's thread when a third of its time has passed. */
  private final class LeaseKeeper {
    /** When the work under this lease began: a run's report starts here, reads included. */
    final Instant startedAt = clock.instant();
    RunLease lease;

    LeaseKeeper(RunLease lease) {
      this.lease = lease;
    }

    void renewIfDue() {
      Instant now = clock.instant();
      if (now.isBefore(lease.expiresAt().minus(leaseTtl.multipliedBy(2).dividedBy(3)))) {
        return;
      }
      lease = state.renewLease(lease, now, leaseTtl).orElseThrow(() -> new SyncAlreadyRunningException(account.id(),
          state.currentLease(account.id()).orElse(null)));
    }
  }

  // ---- reads --------------------------------------------------------------------------------------

  private PlanInput read(RunMode requested, String onlyHostId, Runnable heartbeat) {
    Instant readAt = clock.instant();
    boolean single = onlyHostId != null;
    Optional<Instant> cursor = single ? Optional.empty() : state.cursor(account.id(), CURSOR);
    RunMode mode = requested == RunMode.UPDATES_ONLY && cursor.isEmpty() ? RunMode.FULL : requested;
    boolean full = mode == RunMode.FULL && !single;
    boolean services = account.profile().servicesEnabled();

    // host side
    List<SyncGroup> syncGroups = hostCall("read the sync groups", () -> groups.syncGroups(account.id()));
    Map<String, Set<String>> members = new HashMap<>();
    for (SyncGroup g : syncGroups) {
      members.put(g.id(), hostCall("read the members of group " + g.id(), () -> groups.activeMemberIds(g.id())));
    }
    Map<String, Set<String>> selected = services
        ? hostCall("read the PCO Tags attribute", () -> tags.peopleWithTags(account.id())) : Map.of();
    SyncSet set = SyncSet.compute(syncGroups, members, selected);
    Map<String, Link> links = new HashMap<>();
    state.links(account.id()).forEach(l -> links.put(l.hostStableId(), l));

    Set<String> wantedIds = new HashSet<>(set.members().keySet());
    if (single) {
      wantedIds.retainAll(Set.of(onlyHostId));
    }
    Map<String, HostPerson> inSet = new LinkedHashMap<>(
        hostCall("read the people of the sync set", () -> people.findByIds(wantedIds)));
    Set<String> inSetStable = new HashSet<>();
    inSet.values().forEach(p -> inSetStable.add(p.stableId()));
    List<PlanInput.Leaver> leavers = new ArrayList<>();
    List<PlanInput.Merged> mergedAway = new ArrayList<>();
    List<String> leaverStable = new ArrayList<>();
    for (Link l : links.values()) {
      if (!inSetStable.contains(l.hostStableId())) {
        leaverStable.add(l.hostStableId());
      }
    }
    Map<String, HostPerson> leaverPeople = leaverStable.isEmpty() ? Map.of()
        : hostCall("read linked people who left the sync set", () -> people.findByStableIds(leaverStable));
    for (String stable : leaverStable) {
      HostPerson p = leaverPeople.get(stable);
      if (p != null && !p.stableId().equals(stable)) {
        if (!single || p.id().equals(onlyHostId)) {
          mergedAway.add(new PlanInput.Merged(links.get(stable), p.id())); // host merge: report, never sync twice
        }
        continue;
      }
      if (single && (p == null || !p.id().equals(onlyHostId))) {
        continue;
      }
      leavers.add(new PlanInput.Leaver(links.get(stable), p,
          p == null ? Set.of() : selected.getOrDefault(p.id(), Set.of())));
    }
    List<PlanInput.HostEntry> hosts = new ArrayList<>();
    inSet.values().forEach(p -> hosts.add(new PlanInput.HostEntry(p, set.members().get(p.id()))));

    // PCO side
    String meId = readMe();
    List<AvailableTag> available = null;
    if (services && !single) {
      available = availableTags(syncGroups);
    }
    Map<String, PortPerson> pco = new LinkedHashMap<>();
    Map<String, PortServicesPerson> servicesPeople = new LinkedHashMap<>();
    Set<String> servicesAbsent = new HashSet<>();
    if (full) {
      readPeople(null, pco, heartbeat);
      if (services) {
        readServices(null, servicesPeople);
      }
    } else if (!single) {
      Instant since = cursor.get().minus(account.updatesOnlySafetyMargin());
      readPeople(since, pco, heartbeat);
      if (services) {
        readServices(since, servicesPeople);
      }
    }
    Map<String, CreateIntent> intents = new HashMap<>();
    Map<String, List<PortPerson>> intentCandidates = new HashMap<>();
    for (CreateIntent i : state.createIntents(account.id())) {
      intents.put(i.hostStableId(), i);
    }
    Map<String, String> rejectedCreates = new HashMap<>();
    for (PlanInput.HostEntry h : hosts) {
      String stable = h.person().stableId();
      if (!links.containsKey(stable)) {
        state.checkpoint(account.id(), PlanInput.rejectedCreateCheckpoint(stable))
            .ifPresent(v -> rejectedCreates.put(stable, v));
      }
    }
    if (!full) {
      for (PlanInput.HostEntry h : hosts) {
        Link link = links.get(h.person().stableId());
        if (link == null) {
          String email = h.person().data().email();
          if (Normalize.isValidEmail(email)) {
            for (PortPerson p : port.searchByEmail(Normalize.email(email))) {
              pco.put(p.id(), p);
              if (services) {
                fetchServices(p.id(), servicesPeople, servicesAbsent);
              }
            }
          }
          continue;
        }
        String pcoId = link.pcoPersonId();
        if (!pco.containsKey(pcoId) && (single || Planner.hostChangedSinceBase(h.person(), link, account))) {
          port.person(pcoId).ifPresent(p -> pco.put(p.id(), p));
        }
        if (services && !servicesPeople.containsKey(pcoId)
            && (single || Planner.servicesChangedSinceBase(h.member(), link))) {
          fetchServices(pcoId, servicesPeople, servicesAbsent);
        }
      }
      if (services) {
        for (PlanInput.Leaver l : leavers) {
          if (single || account.allowPermissionDowngrade()) {
            fetchServices(l.link().pcoPersonId(), servicesPeople, servicesAbsent);
          }
        }
      }
    }
    for (PlanInput.HostEntry h : hosts) {
      CreateIntent intent = intents.get(h.person().stableId());
      if (intent != null && !links.containsKey(h.person().stableId())) {
        List<PortPerson> found = recover(intent, h.person());
        intentCandidates.put(h.person().stableId(), found);
        for (PortPerson p : found) {
          pco.put(p.id(), p);
          if (services && !servicesPeople.containsKey(p.id())) {
            fetchServices(p.id(), servicesPeople, servicesAbsent);
          }
        }
      }
    }
    return new PlanInput(account, single ? RunMode.FULL : mode, readAt, hosts, leavers, mergedAway, links, pco, full,
        servicesPeople, full, servicesAbsent, intents, intentCandidates, meId, set.controlledTags(), available,
        rejectedCreates);
  }

  private String readMe() {
    try {
      return port.meId();
    } catch (PcoSyncException e) {
      if (account.allowPermissionDowngrade()) {
        throw e; // without knowing /me, a downgrade could lock the account's own user out
      }
      log.warn("could not read /me of account {}: {}", account.id(), e.getMessage());
      return null;
    }
  }

  private List<AvailableTag> availableTags(List<SyncGroup> syncGroups) {
    List<AvailableTag> out = new ArrayList<>();
    for (PortTagGroup g : port.tagGroups()) {
      for (PortTagGroup.Tag t : g.tags()) {
        Set<String> controlling = new HashSet<>();
        syncGroups.stream().filter(sg -> sg.linkedTagIds().contains(t.id())).forEach(sg -> controlling.add(sg.id()));
        out.add(new AvailableTag(t.id(), t.name(), g.name(), controlling));
      }
    }
    return out;
  }

  private void readPeople(Instant since, Map<String, PortPerson> into, Runnable heartbeat) {
    String token = null;
    do {
      Page<PortPerson> page = port.people(since, token);
      page.items().forEach(p -> {
        into.remove(p.id()); // last copy wins, in its latest position
        into.put(p.id(), p);
      });
      listener.fire(l -> l.pageRead("people", page.items().size()));
      heartbeat.run();
      token = page.nextPageToken();
    } while (token != null);
  }

  private void readServices(Instant stopBefore, Map<String, PortServicesPerson> into) {
    List<PortServicesPerson> read = port.servicesPeople(stopBefore);
    for (PortServicesPerson s : read) {
      into.remove(s.id()); // last copy wins
      into.put(s.id(), s);
    }
    listener.fire(l -> l.pageRead("services", read.size()));
  }

  private void fetchServices(String pcoId, Map<String, PortServicesPerson> into, Set<String> absent) {
    if (into.containsKey(pcoId) || absent.contains(pcoId)) {
      return;
    }
    Optional<PortServicesPerson> s = port.servicesPerson(pcoId);
    if (s.isPresent()) {
      into.put(pcoId, s.get());
    } else {
      absent.add(pcoId);
    }
  }

  /** Looks for the person an interrupted create may have made. */
  private List<PortPerson> recover(CreateIntent intent, HostPerson person) {
    return CreateRecovery.candidates(port, intent, person);
  }

  private interface HostRead<T> {
    T get();
  }

  private <T> T hostCall(String what, HostRead<T> call) {
    try {
      return call.get();
    } catch (PcoSyncException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HostException(null, what, e);
    }
  }

  /** Returns a default lease owner naming this process and a random token. */
  public static String defaultOwner() {
    return "pco-sync/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

}
