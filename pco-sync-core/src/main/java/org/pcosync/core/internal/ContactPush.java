package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.Direction;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.FieldRule;
import org.pcosync.api.HostPerson;
import org.pcosync.api.InvalidValueException;
import org.pcosync.api.NameMapping;
import org.pcosync.api.Normalize;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncProfile;
import org.pcosync.api.WriteMode;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.core.ContactResult;
import org.pcosync.core.ContactResult.FieldSkip;
import org.pcosync.core.ContactResult.Outcome;
import org.pcosync.core.ContactSubmission;
import org.pcosync.core.PcoPersonProfile;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncListener;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncOperation.ContactAction;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortAddress;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortPhone;

/**
 * The single-person profiles on the one engine: a form submission ({@link #push}) or a registration
 * ({@link #register}) becomes a host-less person, the {@link Planner} matches it (§6) and plans a
 * create or the field writes its profile allows (fill-only for form push), and the {@link Applier}
 * executes them — with create intents in the real state store, but no link (the person is not a
 * host person). {@link #lookup} reads PCO only.
 *
 * <p>No run lease is taken: a form submission must not fail because the account's job is running,
 * and it touches one PCO person the job does not own (the job syncs host people). Instead a
 * per-email guard (in this process) serialises two pushes of one email, so a double-submitted form
 * creates one person. Across processes two simultaneous first submissions can still create two PCO
 * people — the duplicate PCO's merge fixes, as for any other duplicate (§6).
 *
 * <p>Thread-safe.
 */
public final class ContactPush {
  private static final int STRIPES = 64;
  private static final Listeners QUIET = new Listeners(SyncListener.NONE);

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final TagAttributeStore tags;
  private final SyncStateStore state;
  private final Clock clock;
  private final Object[] guards = new Object[STRIPES];

  /** Creates the pushes of one account; every argument is required. */
  public ContactPush(PcoAccount account, PcoPort port, PersonRepository people, TagAttributeStore tags,
      SyncStateStore state, Clock clock) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
    this.people = requireNonNull(people, "people == null");
    this.tags = requireNonNull(tags, "tags == null");
    this.state = requireNonNull(state, "state == null");
    this.clock = requireNonNull(clock, "clock == null");
    for (int i = 0; i < STRIPES; i++) {
      guards[i] = new Object();
    }
  }

  /** Pushes a form submission: match or create, then write what the profile allows. */
  public ContactResult push(ContactSubmission submission) {
    requireNonNull(submission, "submission == null");
    SyncProfile profile = account.profile();
    for (FieldRule r : profile.rules().values()) {
      if (r.direction().writesHost()) {
        throw new PcoSyncException(ErrorCode.CONFIGURATION, "pushContact writes PCO only, but profile '"
            + profile.name() + "' writes " + r.field() + " to the host; use SyncProfile.formPush()");
      }
    }
    requireNoServices("pushContact");
    PersonData data = submission.toPersonData();
    synchronized (guard(data.email())) {
      return planAndApply(data, true);
    }
  }

  /** Registers a person: returns the matching PCO person, or creates one. */
  public ContactResult register(PersonData data) {
    requireNonNull(data, "data == null");
    if (!Normalize.isValidEmail(data.email())) {
      throw new InvalidValueException("email", data.email(), data.email() == null ? "required" : "not an email address");
    }
    if (data.lastName() == null) {
      throw new InvalidValueException("lastName", null, "required");
    }
    if (data.firstName() == null && data.nickname() == null) {
      throw new InvalidValueException("firstName", null, "required (or a nickname)");
    }
    data.phones().forEach((type, number) -> {
      if (!Normalize.isValidPhone(number)) {
        throw new InvalidValueException("phone." + type, number, "needs 7 to 15 digits");
      }
    });
    requireNoServices("register");
    synchronized (guard(data.email())) {
      return planAndApply(data, false);
    }
  }

  /** Returns the profiles of every PCO person holding this email, by PCO id. */
  public List<PcoPersonProfile> lookup(String email) {
    if (!Normalize.isValidEmail(email)) {
      throw new InvalidValueException("email", email, email == null || email.isBlank() ? "required" : "not an email address");
    }
    List<PortPerson> found = new ArrayList<>(port.searchByEmail(Normalize.email(email)));
    found.sort((a, b) -> Planner.ID_ORDER.compare(a.id(), b.id()));
    List<PcoPersonProfile> out = new ArrayList<>();
    for (PortPerson p : found) {
      out.add(new PcoPersonProfile(p.id(),
          personData(p, account.nameMapping(), f -> account.profile().rule(f).direction() != Direction.NONE)));
    }
    return out;
  }

  /**
   * Returns a PCO person's fields as host person data (names by the mapping), keeping the fields
   * {@code wanted} accepts; a nickname equal to the first name is dropped (PCO held no given name).
   */
  static PersonData personData(PortPerson p, NameMapping mapping, Predicate<SyncField> wanted) {
    Fields.Side side = Fields.pco(p, mapping).side();
    PersonData data = PersonData.builder().build();
    for (SyncField f : Fields.PERSON_FIELDS) {
      Object v = side.values().get(f);
      if (v != null && wanted.test(f)) {
        data = data.with(f, v);
      }
    }
    if (data.nickname() != null && data.nickname().equals(data.firstName())) {
      data = data.with(SyncField.NICKNAME, null);
    }
    return data;
  }

  private void requireNoServices(String what) {
    if (account.profile().servicesEnabled()) {
      throw new PcoSyncException(ErrorCode.CONFIGURATION, what + " touches PCO People only, but profile '"
          + account.profile().name() + "' enables Services; use a profile without Services");
    }
  }

  private Object guard(String email) {
    return guards[Math.floorMod(Normalize.email(email).hashCode(), STRIPES)];
  }

  // ---- plan and apply -----------------------------------------------------------------------------

  private ContactResult planAndApply(PersonData data, boolean writeMatched) {
    String key = "contact:" + Normalize.email(data.email());
    HostPerson person = new HostPerson(key, key, data, null, null);
    Map<String, PortPerson> pco = new LinkedHashMap<>();
    port.searchByEmail(Normalize.email(data.email())).forEach(p -> pco.put(p.id(), p));
    Map<String, CreateIntent> intents = new HashMap<>();
    Map<String, List<PortPerson>> recovered = new HashMap<>();
    state.createIntent(account.id(), key).ifPresent(intent -> {
      List<PortPerson> found = CreateRecovery.candidates(port, intent, person);
      intents.put(key, intent);
      recovered.put(key, found);
      found.forEach(p -> pco.put(p.id(), p));
    });
    SyncSet.Member member = new SyncSet.Member(PermissionLevel.SCHEDULED_VIEWER, Set.of(), Set.of(), Set.of(), Set.of());
    PlanInput in = new PlanInput(account, RunMode.FULL, clock.instant(), List.of(new PlanInput.HostEntry(person, member)),
        List.of(), List.of(), Map.of(), pco, false, Map.of(), false, Set.of(), intents, recovered, null, Set.of(), null,
        Map.of());
    SyncPlan plan = Planner.plan(in);
    if (plan.failures().stream().anyMatch(f -> f.code() == ErrorCode.AMBIGUOUS_MATCH)) {
      return new ContactResult(Outcome.AMBIGUOUS, null, List.of(), List.of(), plan.failures());
    }
    if (plan.people().isEmpty()) {
      return new ContactResult(Outcome.FAILED, null, List.of(), List.of(), plan.failures());
    }
    PersonPlan pp = plan.people().get(0);
    boolean creates = pp.creates();
    PortPerson matched = creates ? null : pco.get(((SyncOperation.LinkPerson) pp.operations().get(0)).pcoPersonId());
    List<SyncOperation> ops = new ArrayList<>();
    for (SyncOperation op : pp.operations()) {
      if (creates || (writeMatched && !alreadyOnFile(op, matched))) {
        ops.add(op);
      }
    }
    if (!creates && !writeMatched) {
      return new ContactResult(Outcome.MATCHED, matched.id(), List.of(), skips(data, Set.of(), matched, false),
          List.of());
    }
    PersonPlan applied = new PersonPlan(pp.hostPersonId(), pp.hostStableId(), pp.pcoPersonId(), pp.label(), ops);
    ReportBuilder report = new ReportBuilder();
    new Applier(account, port, people, tags, new ScratchLinks(state), clock, Runnable::run, QUIET, () -> { })
        .apply(new SyncPlan(plan.accountId(), plan.mode(), plan.readAt(), List.of(applied), null, List.of(),
            List.of(), List.of(), 0), report);
    Set<SyncField> failed = EnumSet.noneOf(SyncField.class);
    report.failures.forEach(f -> {
      if (f.field() != null) {
        failed.add(f.field());
      }
    });
    if (creates && report.created.isEmpty()) {
      return new ContactResult(Outcome.FAILED, null, List.of(), List.of(), report.failures);
    }
    String pcoId = creates ? report.created.get(0).pcoPersonId() : matched.id();
    List<SyncField> added = new ArrayList<>();
    for (SyncOperation op : ops) {
      for (SyncField f : written(op)) {
        if (!failed.contains(f) && !added.contains(f) && data.get(f) != null) {
          added.add(f);
        }
      }
    }
    added.sort(null);
    Set<SyncField> notSkipped = EnumSet.copyOf(failed);
    notSkipped.addAll(added);
    return new ContactResult(creates ? Outcome.CREATED : Outcome.MATCHED, pcoId, added,
        skips(data, notSkipped, matched, true), report.failures);
  }

  private static List<SyncField> written(SyncOperation op) {
    if (op instanceof SyncOperation.CreatePerson c) {
      return c.changes().stream().map(org.pcosync.core.FieldChange::field).toList();
    }
    return op.writesPco() ? op.fields() : List.of();
  }

  /**
   * Returns whether a write the planner made for a matched person would only restate what PCO holds
   * (fill-only: a number or address already on file in any entry, an address already among its
   * emails): such writes are dropped rather than duplicating an entry or moving the primary flag.
   */
  private static boolean alreadyOnFile(SyncOperation op, PortPerson pco) {
    if (!(op instanceof SyncOperation.WritePcoContact w)) {
      return false;
    }
    if (w.action() == ContactAction.MAKE_PRIMARY) {
      return true;
    }
    if (w.action() != ContactAction.ADD || pco == null) {
      return false;
    }
    SyncField f = w.change().field();
    if (f.phoneType() != null) {
      String digits = Normalize.phoneDigits(w.value());
      return pco.phones().stream().map(PortPhone::number).map(Normalize::phoneDigits).anyMatch(digits::equals);
    }
    if (f == SyncField.HOME_ADDRESS) {
      String k = w.address().comparisonKey();
      return pco.addresses().stream().map(PortAddress::address).anyMatch(a -> k.equals(a.comparisonKey()));
    }
    return false;
  }

  /** Returns why each given field that was neither written nor failed was left alone. */
  private List<FieldSkip> skips(PersonData data, Set<SyncField> done, PortPerson matched, boolean writesMatched) {
    List<FieldSkip> out = new ArrayList<>();
    Fields.PcoSide pco = matched == null ? null : Fields.pco(matched, account.nameMapping());
    for (SyncField f : Fields.PERSON_FIELDS) {
      Object v = data.get(f);
      if (v == null || done.contains(f)) {
        continue;
      }
      FieldRule rule = account.profile().rule(f);
      String reason;
      if (rule.direction() == Direction.NONE) {
        reason = "not synced by the " + account.profile().name() + " profile";
      } else if (pco == null) {
        reason = "not written";
      } else if (onFile(f, v, matched, pco)) {
        reason = "already on file in PCO";
      } else if (!Fields.ATTRIBUTE_FIELDS.contains(f) && !account.editContactFieldsOfLoginUsers()
          && matched.canLogIn()) {
        reason = "the PCO person can log in (PCO would notify them) and the account does not edit contact fields"
            + " of people who can log in";
      } else if (rule.writeMode() == WriteMode.FILL_IF_EMPTY) {
        reason = "PCO already holds another value; this profile only fills empty fields";
      } else if (!writesMatched) {
        reason = "not written: a registration never changes an existing PCO person";
      } else {
        reason = "not written by the " + account.profile().name() + " profile";
      }
      out.add(new FieldSkip(f, reason));
    }
    return out;
  }

  private static boolean onFile(SyncField f, Object v, PortPerson matched, Fields.PcoSide pco) {
    String n = Fields.normalise(f, v);
    if (f == SyncField.EMAIL) {
      return pco.emailIds().containsKey(n);
    }
    if (f.phoneType() != null) {
      return matched.phones().stream().map(PortPhone::number).map(Normalize::phoneDigits).anyMatch(n::equals);
    }
    if (f == SyncField.HOME_ADDRESS) {
      return matched.addresses().stream().map(a -> a.address().comparisonKey()).anyMatch(n::equals);
    }
    return n.equals(pco.side().snapshot().get(f));
  }
}
