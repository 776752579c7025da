package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.HostException;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.ServicesState;
import org.pcosync.api.SyncField;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.core.BaseMove;
import org.pcosync.core.FieldChange;
import org.pcosync.core.FieldUpdate;
import org.pcosync.core.PermissionChange;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.PersonRef;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PcoRejectedException;
import org.pcosync.core.port.PortPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link SyncPlan}: PCO writes of each person on the executor (people concurrently, one
 * person's operations in order), host writes and link saves on the calling thread, one person at
 * a time. A base moves only after its write succeeded; a 422 is stored on the link; a failure is
 * reported and the run goes on. Not thread-safe; one instance per apply.
 */
public final class Applier {
  private static final Logger log = LoggerFactory.getLogger(Applier.class);

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final TagAttributeStore tags;
  private final SyncStateStore state;
  private final Clock clock;
  private final Executor executor;
  private final Listeners listener;
  private final Runnable heartbeat;

  /**
   * @param heartbeat called on the calling thread between people (renews the run lease)
   */
  public Applier(PcoAccount account, PcoPort port, PersonRepository people, TagAttributeStore tags,
      SyncStateStore state, Clock clock, Executor executor, Listeners listener, Runnable heartbeat) {
    this.account = requireNonNull(account);
    this.port = requireNonNull(port);
    this.people = requireNonNull(people);
    this.tags = requireNonNull(tags);
    this.state = requireNonNull(state);
    this.clock = requireNonNull(clock);
    this.executor = requireNonNull(executor);
    this.listener = requireNonNull(listener);
    this.heartbeat = requireNonNull(heartbeat);
  }

  /** Applies a plan made in this run; outcomes go to {@code report}. */
  public void apply(SyncPlan plan, ReportBuilder report) {
    apply(plan, report, false);
  }

  /**
   * Applies the plan; outcomes go to {@code report}.
   *
   * @param checkStale skip (and report) people whose link changed after the plan was read: another
   *     run synced them since, so the plan's before-values are stale
   */
  public void apply(SyncPlan plan, ReportBuilder report, boolean checkStale) {
    report.conflicts.addAll(plan.conflicts());
    report.skipped.addAll(plan.skipped());
    report.failures.addAll(plan.failures());
    if (plan.tagsToPublish() != null) {
      try {
        tags.publishAvailableTags(account.id(), plan.tagsToPublish());
      } catch (RuntimeException e) {
        report.fail(new SyncFailure(null, null, SyncField.TAGS, ErrorCode.HOST_FAILURE,
            new HostException(null, "publish the available PCO tags", e).getMessage()));
      }
    }
    List<CompletableFuture<PersonRun>> runs = new ArrayList<>(plan.people().size());
    for (PersonPlan p : plan.people()) {
      PersonRun run = new PersonRun(p);
      run.checkStaleAgainst = checkStale ? plan.readAt() : null;
      runs.add(CompletableFuture.supplyAsync(() -> {
        run.runPco();
        return run;
      }, executor));
    }
    int done = 0;
    for (CompletableFuture<PersonRun> f : runs) {
      PersonRun run;
      try {
        run = f.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error err) {
          throw err; // a crash: stop as a crashed process would
        }
        throw e;
      }
      run.runHost();
      run.saveLink();
      report.addAll(run.report);
      run.report.failures.forEach(x -> listener.fire(l -> l.failed(x)));
      int n = ++done;
      listener.fire(l -> l.personApplied(run.plan, n, runs.size()));
      heartbeat.run();
    }
  }

  /** One person's apply. */
  private final class PersonRun {
    final PersonPlan plan;
    final ReportBuilder report = new ReportBuilder();
    String pcoId;
    Link link;
    boolean aborted;
    final Map<SyncField, String[]> moves = new EnumMap<>(SyncField.class);
    final Set<SyncField> failed = EnumSet.noneOf(SyncField.class);
    final Map<SyncField, String[]> rejections = new EnumMap<>(SyncField.class);
    final Set<SyncField> accepted = EnumSet.noneOf(SyncField.class);
    java.time.Instant checkStaleAgainst;
    boolean servicesFailed;

    PersonRun(PersonPlan plan) {
      this.plan = plan;
      this.pcoId = plan.pcoPersonId();
    }

    void runPco() {
      try {
        link = state.linkByHost(account.id(), plan.hostStableId()).orElse(null);
      } catch (RuntimeException e) {
        fail(null, ErrorCode.STATE_STORE_FAILURE, "could not read the link: " + e.getMessage());
        aborted = true;
        return;
      }
      if (checkStaleAgainst != null && isStale()) {
        report.skipped.add(new org.pcosync.core.SyncSkip(plan.hostPersonId(), pcoId,
            "changed since the plan was made (another run synced this person); plan again"));
        aborted = true;
        link = null;
        return;
      }
      for (SyncOperation op : plan.operations()) {
        if (aborted) {
          return;
        }
        if (op.writesHost() || op instanceof SyncOperation.MoveBases) {
          continue;
        }
        if (servicesFailed && (op instanceof SyncOperation.SetPermission || op instanceof SyncOperation.AssignTags)) {
          failed.addAll(op.fields());
          continue;
        }
        try {
          pcoOp(op);
        } catch (PcoRejectedException e) {
          rejected(op, e);
        } catch (PcoSyncException e) {
          failOp(op, e.code(), e.getMessage());
        } catch (RuntimeException e) {
          log.error("unexpected failure applying {} for host person {}", op, plan.hostPersonId(), e);
          failOp(op, ErrorCode.INTERNAL, e.toString());
        }
      }
    }

    private boolean isStale() {
      if (link == null) {
        return !(plan.creates() || plan.operations().get(0) instanceof SyncOperation.LinkPerson);
      }
      if (plan.creates() || plan.operations().get(0) instanceof SyncOperation.LinkPerson) {
        return true; // someone linked the person since
      }
      return !link.pcoPersonId().equals(pcoId)
          || (link.syncedAt() != null && link.syncedAt().isAfter(checkStaleAgainst));
    }

    private void pcoOp(SyncOperation op) {
      if (op instanceof SyncOperation.CreatePerson c) {
        create(c);
      } else if (op instanceof SyncOperation.LinkPerson l) {
        pcoId = l.pcoPersonId();
        link = Link.create(account.id(), plan.hostStableId(), pcoId, clock.instant());
        state.saveLink(link);
        state.deleteCreateIntent(account.id(), plan.hostStableId());
        report.linked.add(new PersonRef(plan.hostPersonId(), pcoId));
      } else if (op instanceof SyncOperation.UpdatePcoPerson u) {
        port.updatePerson(pcoId, u.attributes());
        wrote(u.changes(), true);
      } else if (op instanceof SyncOperation.WritePcoContact w) {
        contact(w);
        wrote(List.of(w.change()), true);
      } else if (op instanceof SyncOperation.UploadPhoto u) {
        try (InputStream in = u.photo().content().open()) {
          port.setAvatar(pcoId, in, u.photo().contentType());
        } catch (IOException e) {
          throw new HostException(plan.hostPersonId(), "read the photo", e);
        }
        wrote(List.of(u.change()), true);
      } else if (op instanceof SyncOperation.AddToServices a) {
        port.addToServices(pcoId, a.welcomeTemplateId());
        String sv = PermissionLevel.SCHEDULED_VIEWER.pcoValue();
        move(SyncField.PERMISSION, sv, sv);
        report.raised.add(new PermissionChange(plan.hostPersonId(), pcoId, ServicesState.ABSENT,
            ServicesState.active(PermissionLevel.SCHEDULED_VIEWER)));
      } else if (op instanceof SyncOperation.SetPermission s) {
        port.setPermission(pcoId, s.after());
        move(SyncField.PERMISSION, s.after().pcoValue(), s.after().pcoValue());
        PermissionChange change = new PermissionChange(plan.hostPersonId(), pcoId, s.before(),
            ServicesState.active(s.after()));
        if (s.isRaise()) {
          report.raised.removeIf(r -> r.before() instanceof ServicesState.Absent && s.before() instanceof ServicesState.Absent);
          report.raised.add(change);
        } else {
          report.lowered.add(change);
        }
      } else if (op instanceof SyncOperation.Archive a) {
        port.archive(pcoId);
        move(SyncField.PERMISSION, null, "Archived");
        report.archived.add(new PermissionChange(plan.hostPersonId(), pcoId, a.before(), ServicesState.ARCHIVED));
      } else if (op instanceof SyncOperation.AssignTags t) {
        port.assignTags(pcoId, t.after());
        String v = Fields.tags(t.after());
        move(SyncField.TAGS, v, v);
        if (!plan.creates()) {
          report.updated.add(new FieldUpdate(plan.hostPersonId(), pcoId, SyncField.TAGS, true));
        }
      }
    }

    private void create(SyncOperation.CreatePerson c) {
      CreateIntent intent = new CreateIntent(account.id(), plan.hostStableId(), plan.hostPersonId(), clock.instant(), null);
      state.saveCreateIntent(intent);
      PortPerson created;
      try {
        created = port.createPerson(c.attributes());
      } catch (PcoRejectedException e) {
        state.deleteCreateIntent(account.id(), plan.hostStableId());
        state.saveCheckpoint(account.id(), PlanInput.rejectedCreateCheckpoint(plan.hostStableId()),
            PlanInput.createKey(c.attributes()) + "\n" + e.reason());
        throw e;
      }
      pcoId = created.id();
      state.saveCreateIntent(intent.withPcoPersonId(pcoId));
      Map<SyncField, String> bases = new EnumMap<>(SyncField.class);
      c.changes().forEach(ch -> bases.put(ch.field(), ch.after()));
      FieldSnapshot base = new FieldSnapshot(bases);
      link = Link.create(account.id(), plan.hostStableId(), pcoId, clock.instant()).withBases(base, base, clock.instant());
      state.saveLink(link);
      state.deleteCreateIntent(account.id(), plan.hostStableId());
      state.clearCheckpoint(account.id(), PlanInput.rejectedCreateCheckpoint(plan.hostStableId()));
      report.created.add(new PersonRef(plan.hostPersonId(), pcoId));
    }

    private void contact(SyncOperation.WritePcoContact w) {
      SyncField f = w.change().field();
      boolean email = f == SyncField.EMAIL;
      boolean address = f == SyncField.HOME_ADDRESS;
      String location = address ? "Home" : email ? "Home" : f.phoneType().pcoLocation();
      switch (w.action()) {
        case ADD:
          if (email) {
            port.addEmail(pcoId, w.value(), location, true);
          } else if (address) {
            port.addAddress(pcoId, w.address(), location, true);
          } else {
            port.addPhone(pcoId, w.value(), location, false);
          }
          break;
        case MAKE_PRIMARY:
          port.updateEmail(w.entryId(), w.value(), true);
          break;
        case UPDATE:
          if (email) {
            port.updateEmail(w.entryId(), w.value(), true);
          } else if (address) {
            port.updateAddress(w.entryId(), w.address());
          } else {
            port.updatePhone(w.entryId(), w.value());
          }
          break;
        default:
          if (address) {
            port.deleteAddress(w.entryId());
          } else {
            port.deletePhone(w.entryId());
          }
      }
    }

    private void wrote(List<FieldChange> changes, boolean toPco) {
      for (FieldChange c : changes) {
        move(c.field(), c.after(), c.after());
        accepted.add(c.field());
        if (plan.creates()) {
          continue; // a new person's fields are part of "created", not "updated"
        }
        report.updated.add(new FieldUpdate(plan.hostPersonId(), pcoId == null ? "-" : pcoId, c.field(), toPco));
      }
    }

    private void move(SyncField f, String hostValue, String pcoValue) {
      moves.put(f, new String[] {hostValue, pcoValue});
    }

    private void rejected(SyncOperation op, PcoRejectedException e) {
      if (op instanceof SyncOperation.CreatePerson || op instanceof SyncOperation.LinkPerson) {
        failOp(op, e.code(), e.getMessage());
        return;
      }
      List<FieldChange> changes = op instanceof SyncOperation.UpdatePcoPerson u ? u.changes()
          : op instanceof SyncOperation.WritePcoContact w ? List.of(w.change())
          : op instanceof SyncOperation.UploadPhoto p ? List.of(p.change()) : List.of();
      if (e.status() == 422 && !changes.isEmpty()) {
        SyncField named = Fields.fieldOfApiName(e.field(), account.nameMapping());
        boolean namesOne = changes.stream().anyMatch(c -> c.field() == named);
        for (FieldChange c : changes) {
          if (!namesOne || c.field() == named) {
            rejections.put(c.field(), new String[] {c.after(), e.reason()});
          }
        }
      }
      failOp(op, e.code(), e.getMessage());
    }

    private void failOp(SyncOperation op, ErrorCode code, String reason) {
      List<SyncField> fields = op.fields();
      failed.addAll(fields);
      if (op instanceof SyncOperation.CreatePerson || op instanceof SyncOperation.LinkPerson) {
        aborted = true;
      }
      if (op instanceof SyncOperation.AddToServices) {
        failed.add(SyncField.TAGS);
        servicesFailed = true; // permission and tags need the Services person; People writes go on
      }
      fail(fields.size() == 1 ? fields.get(0) : null, code, op + ": " + reason);
    }

    private void fail(SyncField field, ErrorCode code, String reason) {
      report.fail(new SyncFailure(plan.hostPersonId(), pcoId, field, code, reason));
    }

    void runHost() {
      if (aborted && link == null) {
        return;
      }
      for (SyncOperation op : plan.operations()) {
        if (aborted && !(op instanceof SyncOperation.MoveBases)) {
          continue;
        }
        try {
          if (op instanceof SyncOperation.UpdateHostPerson u) {
            try {
              people.update(plan.hostPersonId(), u.personChanges());
            } catch (RuntimeException e) {
              throw new HostException(plan.hostPersonId(), "update " + u.personChanges().fields(), e);
            }
            wrote(u.changes(), false);
          } else if (op instanceof SyncOperation.SetHostTags t) {
            try {
              tags.setSelectedTags(plan.hostPersonId(), account.id(), t.after());
            } catch (RuntimeException e) {
              throw new HostException(plan.hostPersonId(), "set the PCO Tags attribute", e);
            }
            String v = Fields.tags(t.after());
            if (!moves.containsKey(SyncField.TAGS)) {
              move(SyncField.TAGS, v, v);
            }
          } else if (op instanceof SyncOperation.MoveBases m) {
            for (BaseMove b : m.moves()) {
              if (!moves.containsKey(b.field())) {
                move(b.field(), b.hostBase(), b.pcoBase());
              }
            }
          }
        } catch (PcoSyncException e) {
          failOp(op, e.code(), e.getMessage());
        }
      }
    }

    void saveLink() {
      if (link == null) {
        return;
      }
      Map<SyncField, String> hostBase = new EnumMap<>(SyncField.class);
      Map<SyncField, String> pcoBase = new EnumMap<>(SyncField.class);
      hostBase.putAll(link.hostBase().values());
      pcoBase.putAll(link.pcoBase().values());
      moves.forEach((f, v) -> {
        if (!failed.contains(f)) {
          put(hostBase, f, v[0]);
          put(pcoBase, f, v[1]);
        }
      });
      Map<SyncField, String> rejectedValues = new EnumMap<>(SyncField.class);
      Map<SyncField, String> rejectedReasons = new EnumMap<>(SyncField.class);
      rejectedValues.putAll(link.rejectedValues().values());
      rejectedReasons.putAll(link.rejectedReasons().values());
      accepted.forEach(f -> {
        rejectedValues.remove(f);
        rejectedReasons.remove(f);
      });
      rejections.forEach((f, v) -> {
        put(rejectedValues, f, v[0]);
        put(rejectedReasons, f, v[1]);
      });
      Link next = link.withBases(new FieldSnapshot(hostBase), new FieldSnapshot(pcoBase), clock.instant())
          .withRejections(new FieldSnapshot(rejectedValues), new FieldSnapshot(rejectedReasons));
      if (next.hostBase().equals(link.hostBase()) && next.pcoBase().equals(link.pcoBase())
          && next.rejectedValues().equals(link.rejectedValues()) && next.rejectedReasons().equals(link.rejectedReasons())) {
        return;
      }
      try {
        state.saveLink(next);
      } catch (RuntimeException e) {
        fail(null, ErrorCode.STATE_STORE_FAILURE, "could not save the link: " + e.getMessage());
      }
    }

    private void put(Map<SyncField, String> m, SyncField f, String v) {
      if (v == null) {
        m.remove(f);
      } else {
        m.put(f, v);
      }
    }
  }
}
