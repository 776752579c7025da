package org.pcosync.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.ConflictPolicy;
import org.pcosync.api.Direction;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.FieldRule;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.NameMapping;
import org.pcosync.api.Normalize;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhotoRef;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.RunMode;
import org.pcosync.api.ServicesState;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncProfile;
import org.pcosync.api.WriteMode;
import org.pcosync.core.BaseMove;
import org.pcosync.core.FieldChange;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncConflict;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncOperation.ContactAction;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.SyncSkip;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortEmail;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortServicesPerson;

/**
 * The pure planner: (sync set, both sides' snapshots, links with their bases, profile, account
 * options) → {@link SyncPlan}. No I/O. One generic three-way loop over fields, each with its
 * {@link FieldRule}; permissions and tags by DESIGN §4; matching and create intents by §6.
 * Thread-safe (stateless).
 */
public final class Planner {

  /** How far before a create intent's start PCO's {@code created_at} may lie (clock skew). */
  public static final java.time.Duration INTENT_SKEW = java.time.Duration.ofMinutes(5);

  private Planner() {}

  /** Plans a run. */
  public static SyncPlan plan(PlanInput in) {
    return new Run(in).plan();
  }

  /**
   * Returns whether a linked person's host side differs from its base in a synced field, so an
   * updates-only run must read their PCO person even if PCO did not change it.
   */
  public static boolean hostChangedSinceBase(HostPerson person, Link link, PcoAccount account) {
    if (link == null || !link.hasBase()) {
      return true;
    }
    FieldSnapshot host = Fields.host(person, account.nameMapping()).snapshot();
    for (SyncField f : Fields.PERSON_FIELDS) {
      if (account.profile().rule(f).direction() != Direction.NONE
          && !Fields.eq(host.get(f), link.hostBase().get(f))) {
        return true;
      }
    }
    return account.profile().rule(SyncField.PHOTO).direction() != Direction.NONE
        && !Fields.eq(host.get(SyncField.PHOTO), link.hostBase().get(SyncField.PHOTO));
  }

  /** Returns whether a person's desired level or tags differ from the base (Services must be read). */
  public static boolean servicesChangedSinceBase(SyncSet.Member member, Link link) {
    if (link == null || !link.hasBase()) {
      return true;
    }
    return !Fields.eq(member.level().pcoValue(), link.hostBase().get(SyncField.PERMISSION))
        || !Fields.eq(Fields.tags(member.desiredTags()), link.hostBase().get(SyncField.TAGS));
  }

  /** Parses a PERMISSION base value into a Services state. */
  static ServicesState state(String base) {
    if (base == null) {
      return ServicesState.ABSENT;
    }
    if (base.equals("Archived")) {
      return ServicesState.ARCHIVED;
    }
    try {
      return ServicesState.active(PermissionLevel.parse(base));
    } catch (RuntimeException e) {
      return ServicesState.ABSENT;
    }
  }

  /** Returns the normalised form of a Services state (the PERMISSION snapshot value). */
  static String stateValue(ServicesState s) {
    return s instanceof ServicesState.Absent ? null : s.toString();
  }

  private enum Winner { HOST, PCO, HELD }

  /** One planning pass; not thread-safe, used once. */
  private static final class Run {
    private final PlanInput in;
    private final PcoAccount account;
    private final SyncProfile profile;
    private final NameMapping mapping;
    private final Map<String, Link> linksByPco = new HashMap<>();
    private final Map<String, List<PortPerson>> byEmail = new HashMap<>();
    private final List<PersonPlan> plans = new ArrayList<>();
    private final List<SyncConflict> conflicts = new ArrayList<>();
    private final List<SyncSkip> skipped = new ArrayList<>();
    private final List<SyncFailure> failures = new ArrayList<>();

    Run(PlanInput in) {
      this.in = in;
      this.account = in.account();
      this.profile = account.profile();
      this.mapping = account.nameMapping();
      in.links().values().forEach(l -> linksByPco.put(l.pcoPersonId(), l));
      for (PortPerson p : in.pcoPeople().values()) {
        List<PortEmail> emails = p.emails();
        Set<String> seen = emails.size() > 1 ? new HashSet<>() : null; // one address cannot repeat
        for (PortEmail e : emails) {
          String n = Normalize.email(e.address());
          if (n != null && (seen == null || seen.add(n))) {
            byEmail.computeIfAbsent(n, k -> new ArrayList<>(1)).add(p);
          }
        }
      }
    }

    SyncPlan plan() {
      List<PlanInput.HostEntry> hosts = new ArrayList<>(in.hosts());
      hosts.sort(Comparator.comparing((PlanInput.HostEntry h) -> h.person().id(), ID_ORDER));
      Map<String, String> matches = matchAll(hosts);
      for (PlanInput.HostEntry h : hosts) {
        planPerson(h, matches.get(h.person().stableId()));
      }
      List<PlanInput.Leaver> leavers = new ArrayList<>(in.leavers());
      leavers.sort(Comparator.comparing((PlanInput.Leaver l) -> l.link().hostStableId(), ID_ORDER));
      leavers.forEach(this::planLeaver);
      in.mergedAway().stream().sorted(Comparator.comparing(m -> m.link().hostStableId(), ID_ORDER)).forEach(m ->
          skipped.add(new SyncSkip(m.survivorId(), m.link().pcoPersonId(), "the host merged person "
              + m.link().hostStableId() + " into " + m.survivorId() + "; its link to PCO " + m.link().pcoPersonId()
              + " is not synced until an admin moves or deletes it (never two links on one host person)")));
      plans.sort(Comparator.comparing(PersonPlan::hostPersonId, ID_ORDER));
      return new SyncPlan(account.id(), in.mode(), in.readAt(), plans, in.tagsToPublish(), conflicts, skipped,
          failures, in.links().size());
    }

    // ---- matching -------------------------------------------------------------------------------

    /** Matches every unlinked host person; returns stable id → PCO id, or "" for ambiguous. */
    private Map<String, String> matchAll(List<PlanInput.HostEntry> hosts) {
      Map<String, String> result = new HashMap<>();
      Map<String, List<String>> claims = new HashMap<>();
      for (PlanInput.HostEntry h : hosts) {
        HostPerson p = h.person();
        if (in.links().containsKey(p.stableId())) {
          continue;
        }
        List<PortPerson> recovered = in.intentCandidates().getOrDefault(p.stableId(), List.of()).stream()
            .filter(c -> !linksByPco.containsKey(c.id())).toList();
        List<PortPerson> candidates;
        if (!recovered.isEmpty()) {
          candidates = recovered;
        } else {
          candidates = candidates(p);
        }
        if (candidates.size() > 1) {
          result.put(p.stableId(), "");
          failures.add(new SyncFailure(p.id(), null, null, ErrorCode.AMBIGUOUS_MATCH,
              "matches " + candidates.size() + " PCO people " + ids(candidates) + "; link one by hand"));
        } else if (candidates.size() == 1) {
          String pcoId = candidates.get(0).id();
          result.put(p.stableId(), pcoId);
          claims.computeIfAbsent(pcoId, k -> new ArrayList<>()).add(p.id());
        }
      }
      claims.forEach((pcoId, hostIds) -> {
        if (hostIds.size() > 1) {
          for (HostPerson p : hosts.stream().map(PlanInput.HostEntry::person)
              .filter(x -> hostIds.contains(x.id())).toList()) {
            result.put(p.stableId(), "");
            failures.add(new SyncFailure(p.id(), pcoId, null, ErrorCode.AMBIGUOUS_MATCH,
                "PCO person " + pcoId + " matches " + hostIds.size() + " host people " + hostIds.stream().sorted().toList()
                    + "; link one by hand"));
          }
        }
      });
      return result;
    }

    private List<PortPerson> candidates(HostPerson p) {
      String email = Normalize.isValidEmail(p.data().email()) ? Normalize.email(p.data().email()) : null;
      String last = Normalize.nameKey(p.data().lastName());
      if (email == null || last == null) {
        return List.of();
      }
      Set<String> hostNames = new HashSet<>();
      addKey(hostNames, p.data().firstName());
      addKey(hostNames, p.data().nickname());
      List<PortPerson> out = new ArrayList<>();
      for (PortPerson c : byEmail.getOrDefault(email, List.of())) {
        if (linksByPco.containsKey(c.id()) || !last.equals(Normalize.nameKey(c.lastName()))) {
          continue;
        }
        Set<String> pcoNames = new HashSet<>();
        addKey(pcoNames, c.firstName());
        addKey(pcoNames, c.givenName());
        addKey(pcoNames, c.nickname());
        pcoNames.retainAll(hostNames);
        if (!pcoNames.isEmpty()) {
          out.add(c);
        }
      }
      out.sort(Comparator.comparing(PortPerson::id, ID_ORDER));
      return out;
    }

    private static void addKey(Set<String> s, String name) {
      String k = Normalize.nameKey(name);
      if (k != null) {
        s.add(k);
      }
    }

    // ---- one person -------------------------------------------------------------------------------

    private void planPerson(PlanInput.HostEntry entry, String match) {
      HostPerson person = entry.person();
      Fields.Side host = Fields.host(person, mapping);
      if (profile.requireEmail() && !host.snapshot().has(SyncField.EMAIL)) {
        skipped.add(new SyncSkip(person.id(), linkedPcoId(person), "no valid email, which the "
            + profile.name() + " profile requires"));
        return;
      }
      Link link = in.links().get(person.stableId());
      List<SyncOperation> ops = new ArrayList<>();
      if (link == null && in.mergedAway().stream().anyMatch(m -> m.survivorId().equals(person.id()))) {
        return; // a merged-away link resolves to this person: reported, never matched or created twice
      }
      if (link == null) {
        if ("".equals(match)) {
          return; // ambiguous, reported
        }
        if (match == null) {
          planCreate(entry, host, ops);
          reportInvalid(person.id(), null, host.invalid());
          addPlan(person, null, ops);
          return;
        }
        boolean recovered = in.intentCandidates().containsKey(person.stableId());
        ops.add(new SyncOperation.LinkPerson(match, recovered ? "found the person an interrupted create made"
            : "matched name and email"));
        link = Link.create(account.id(), person.stableId(), match, in.readAt());
      }
      String pcoId = link.pcoPersonId();
      PortPerson pcoPerson = in.pcoPeople().get(pcoId);
      Fields.PcoSide pco;
      if (pcoPerson != null) {
        pco = Fields.pco(pcoPerson, mapping);
      } else if (in.pcoPeopleComplete()) {
        failures.add(new SyncFailure(person.id(), pcoId, null, ErrorCode.PCO_REJECTED,
            "the linked PCO person no longer exists (deleted or merged in PCO); set the PCO id by hand or delete the link"));
        return;
      } else {
        pco = assumedFromBase(link);
      }
      reportInvalid(person.id(), pcoId, host.invalid());
      reportInvalid(person.id(), pcoId, pco.side().invalid());
      diffFields(person, link, host, pco, pcoPerson, ops);
      if (profile.servicesEnabled()) {
        PortServicesPerson services = servicesOf(pcoId);
        ServicesState state = services != null ? services.state()
            : (in.servicesComplete() && pcoPerson != null) || in.servicesAbsent().contains(pcoId) ? ServicesState.ABSENT
            : state(link.pcoBase().get(SyncField.PERMISSION));
        boolean isProtected = isProtected(pcoId, pcoPerson, services);
        planPermission(person.id(), pcoId, entry.member().level(), state, isProtected, false, link, ops);
        Set<String> pcoTags = services != null ? services.tagIds()
            : Fields.tagSet(link.pcoBase().get(SyncField.TAGS));
        planTags(person.id(), pcoId, entry.member(), pcoTags, link, state instanceof ServicesState.Absent, ops);
      }
      addPlan(person, pcoId, ops);
    }

    private String linkedPcoId(HostPerson p) {
      Link l = in.links().get(p.stableId());
      return l == null ? null : l.pcoPersonId();
    }

    private PortServicesPerson servicesOf(String pcoId) {
      return in.services().get(pcoId);
    }

    private boolean isProtected(String pcoId, PortPerson p, PortServicesPerson s) {
      return pcoId.equals(in.meId()) || (p != null && p.siteAdministrator()) || (s != null && s.siteAdministrator());
    }

    private void addPlan(HostPerson person, String pcoId, List<SyncOperation> ops) {
      if (!ops.isEmpty()) {
        plans.add(new PersonPlan(person.id(), person.stableId(), pcoId, person.label(), ops));
      }
    }

    private void reportInvalid(String hostId, String pcoId, Map<SyncField, String> invalid) {
      invalid.forEach((f, why) -> failures.add(new SyncFailure(hostId, pcoId, f, ErrorCode.INVALID_VALUE, why)));
    }

    private Fields.PcoSide assumedFromBase(Link link) {
      return new Fields.PcoSide(new Fields.Side(link.pcoBase(), Map.of(), Map.of()), Map.of(), Map.of());
    }

    // ---- create -----------------------------------------------------------------------------------

    private void planCreate(PlanInput.HostEntry entry, Fields.Side host, List<SyncOperation> ops) {
      HostPerson person = entry.person();
      Map<PersonAttribute, String> attributes = new EnumMap<>(PersonAttribute.class);
      List<FieldChange> changes = new ArrayList<>();
      for (SyncField f : Fields.ATTRIBUTE_FIELDS.stream().sorted().toList()) {
        Object v = host.values().get(f);
        if (v != null && profile.rule(f).direction() != Direction.NONE) {
          attributes.put(Fields.attribute(f, mapping), Fields.pcoText(f, v));
          changes.add(new FieldChange(f, null, host.snapshot().get(f)));
        }
      }
      if (!attributes.containsKey(PersonAttribute.FIRST_NAME)) {
        String first = person.data().nickname() != null ? person.data().nickname() : person.data().firstName();
        if (first != null) {
          attributes.put(PersonAttribute.FIRST_NAME, first);
        }
      }
      if (isNumericId(person.id())) {
        attributes.put(PersonAttribute.REMOTE_ID, person.id());
      }
      String rejected = in.rejectedCreates().get(person.stableId());
      if (rejected != null) {
        int nl = rejected.indexOf('\n');
        String key = nl < 0 ? rejected : rejected.substring(0, nl);
        if (key.equals(PlanInput.createKey(attributes))) {
          failures.add(new SyncFailure(person.id(), null, null, ErrorCode.PCO_REJECTED, "PCO rejected creating this"
              + " person (" + (nl < 0 ? "rejected" : rejected.substring(nl + 1)) + "); not resent until the host data"
              + " changes"));
          return;
        }
      }
      ops.add(new SyncOperation.CreatePerson(attributes, changes));
      boolean firstPhone = true;
      for (SyncField f : List.of(SyncField.EMAIL, SyncField.HOME_PHONE, SyncField.WORK_PHONE, SyncField.MOBILE_PHONE,
          SyncField.HOME_ADDRESS)) {
        Object v = host.values().get(f);
        if (v == null || profile.rule(f).direction() == Direction.NONE) {
          continue;
        }
        FieldChange c = new FieldChange(f, null, host.snapshot().get(f));
        if (f == SyncField.HOME_ADDRESS) {
          ops.add(new SyncOperation.WritePcoContact(c, ContactAction.ADD, null, null, (PostalAddress) v));
        } else {
          ops.add(new SyncOperation.WritePcoContact(c, ContactAction.ADD, null, (String) v, null));
          if (f != SyncField.EMAIL) {
            firstPhone = false;
          }
        }
      }
      if (host.values().get(SyncField.PHOTO) != null && profile.rule(SyncField.PHOTO).direction() != Direction.NONE) {
        ops.add(new SyncOperation.UploadPhoto(new FieldChange(SyncField.PHOTO, null, host.snapshot().get(SyncField.PHOTO)),
            (PhotoRef) host.values().get(SyncField.PHOTO)));
      }
      if (profile.servicesEnabled()) {
        Link none = Link.create(account.id(), person.stableId(), "new", in.readAt());
        planPermission(person.id(), null, entry.member().level(), ServicesState.ABSENT, false, true, none, ops);
        planTags(person.id(), null, entry.member(), Set.of(), none, true, ops);
      }
    }

    private static boolean isNumericId(String id) {
      return id.length() <= 18 && !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    // ---- three-way diff ---------------------------------------------------------------------------

    private void diffFields(HostPerson person, Link link, Fields.Side host, Fields.PcoSide pco, PortPerson pcoPerson,
        List<SyncOperation> ops) {
      boolean hasBase = link.hasBase();
      Map<PersonAttribute, String> patch = new EnumMap<>(PersonAttribute.class);
      List<FieldChange> patchChanges = new ArrayList<>();
      List<SyncOperation> contactOps = new ArrayList<>();
      Set<SyncField> hostFields = EnumSet.noneOf(SyncField.class);
      PersonData.Builder hostValues = PersonData.builder();
      List<FieldChange> hostChanges = new ArrayList<>();
      List<BaseMove> moves = new ArrayList<>();
      for (SyncField f : DIFF_FIELDS) {
        FieldRule rule = profile.rule(f);
        if (rule.direction() == Direction.NONE || host.invalid().containsKey(f)
            || pco.side().invalid().containsKey(f)) {
          continue;
        }
        String h = host.snapshot().get(f);
        String bh = link.hostBase().get(f);
        String bp = link.pcoBase().get(f);
        String p = f == SyncField.PHOTO ? bp : pco.side().snapshot().get(f);
        Winner w = decide(person, link, f, rule, hasBase, h, p, bh, bp, pcoPerson);
        if (w == null) {
          if (!Fields.eq(h, bh) || !Fields.eq(p, bp)) {
            moves.add(new BaseMove(f, h, p));
          }
          continue;
        }
        if (w == Winner.HELD) {
          continue;
        }
        if (w == Winner.HOST) {
          if (!rule.direction().writesPco() || !modeAllows(rule.writeMode(), h, p)) {
            moves.add(new BaseMove(f, h, bp == null && !hasBase ? p : bp));
            continue;
          }
          String rejected = link.rejectedValues().get(f);
          if (rejected != null && rejected.equals(h)) {
            failures.add(new SyncFailure(person.id(), link.pcoPersonId(), f, ErrorCode.PCO_REJECTED,
                "PCO rejected the host value (" + link.rejectedReasons().get(f)
                    + "); not resent until the host value changes"));
            continue;
          }
          FieldChange c = new FieldChange(f, p, h);
          Object v = host.values().get(f);
          if (Fields.ATTRIBUTE_FIELDS.contains(f)) {
            patch.put(Fields.attribute(f, mapping), Fields.pcoText(f, v));
            patchChanges.add(c);
          } else if (f == SyncField.PHOTO) {
            contactOps.add(new SyncOperation.UploadPhoto(c, (PhotoRef) v));
          } else {
            SyncOperation op = contactWrite(f, rule.writeMode(), c, v, pco);
            if (op == null) {
              moves.add(new BaseMove(f, h, bp));
            } else if (contactLocked(pcoPerson)) {
              skipLockedContact(person, link, f, bh, p, bp, moves);
            } else {
              contactOps.add(op);
            }
          }
        } else {
          if (!rule.direction().writesHost() || !modeAllows(rule.writeMode(), p, h)) {
            moves.add(new BaseMove(f, bh == null && !hasBase ? h : bh, p));
            continue;
          }
          hostFields.add(f);
          Object v = pco.side().values().get(f);
          setHostValue(hostValues, f, v);
          hostChanges.add(new FieldChange(f, h, p));
        }
      }
      if (!patch.isEmpty()) {
        ops.add(new SyncOperation.UpdatePcoPerson(patch, patchChanges));
      }
      ops.addAll(contactOps);
      if (!hostFields.isEmpty()) {
        ops.add(new SyncOperation.UpdateHostPerson(new PersonChanges(hostFields, hostValues.build()), hostChanges));
      }
      if (!moves.isEmpty()) {
        ops.add(new SyncOperation.MoveBases(moves));
      }
    }

    /**
     * Returns whether the account keeps its hands off this PCO person's email, phones and address:
     * PCO notifies people who can log in of such changes (DESIGN §3).
     */
    private boolean contactLocked(PortPerson pcoPerson) {
      return !account.editContactFieldsOfLoginUsers() && pcoPerson != null && pcoPerson.canLogIn();
    }

    /**
     * Reports a contact write left out for a person who can log in. The host base stays, so the
     * host's change is still pending (reported each run, written once the option is on); the PCO base
     * follows PCO, so PCO's own later edits still reach the host and no false conflict arises.
     */
    private void skipLockedContact(HostPerson person, Link link, SyncField f, String bh, String p, String bp,
        List<BaseMove> moves) {
      skipped.add(new SyncSkip(person.id(), link.pcoPersonId(), f + " not written to PCO: the PCO person can log"
          + " in (PCO would notify them) and the account does not edit contact fields of people who can log in"));
      if (!Fields.eq(p, bp)) {
        moves.add(new BaseMove(f, bh, p));
      }
    }

    /** Returns the side whose value should be written, or {@code null} when nothing is written. */
    private Winner decide(HostPerson person, Link link, SyncField f, FieldRule rule, boolean hasBase, String h,
        String p, String bh, String bp, PortPerson pcoPerson) {
      if (Fields.eq(h, p)) {
        return null;
      }
      if (!hasBase) {
        // a new link: an empty value never clears a non-empty one
        if (p == null) {
          return Winner.HOST;
        }
        if (h == null) {
          return Winner.PCO;
        }
        return byPolicy(rule, person, pcoPerson, rule.direction());
      }
      boolean hostChanged = !Fields.eq(h, bh);
      boolean pcoChanged = !Fields.eq(p, bp);
      if (!hostChanged && !pcoChanged) {
        return null;
      }
      if (hostChanged && !pcoChanged) {
        return Winner.HOST;
      }
      if (pcoChanged && !hostChanged) {
        return Winner.PCO;
      }
      if (rule.direction() == Direction.HOST_TO_PCO) {
        return Winner.HOST; // PCO's own edits of a one-way field are not a conflict: the host's change goes
      }
      if (rule.direction() == Direction.PCO_TO_HOST) {
        return Winner.PCO;
      }
      Winner w = byPolicy(rule, person, pcoPerson, rule.direction());
      conflicts.add(new SyncConflict(person.id(), link.pcoPersonId(), f, bh, h, p, rule.conflictPolicy(),
          w == Winner.HOST ? "host" : w == Winner.PCO ? "pco" : "held"));
      return w;
    }

    private Winner byPolicy(FieldRule rule, HostPerson person, PortPerson pcoPerson, Direction direction) {
      if (direction == Direction.HOST_TO_PCO) {
        return Winner.HOST;
      }
      if (direction == Direction.PCO_TO_HOST) {
        return Winner.PCO;
      }
      ConflictPolicy policy = rule.conflictPolicy();
      switch (policy) {
        case PCO_WINS:
          return Winner.PCO;
        case HOLD_FOR_REVIEW:
          return Winner.HELD;
        case NEWEST_WINS:
          Instant hostAt = person.modifiedAt();
          Instant pcoAt = pcoPerson == null ? null : pcoPerson.updatedAt();
          return hostAt != null && pcoAt != null && pcoAt.isAfter(hostAt) ? Winner.PCO : Winner.HOST;
        default:
          return Winner.HOST;
      }
    }

    /** Returns whether a write of {@code source} over {@code target} is allowed by the write mode. */
    private static boolean modeAllows(WriteMode mode, String source, String target) {
      switch (mode) {
        case FILL_IF_EMPTY:
          return target == null && source != null;
        case ADD:
          return source != null;
        default:
          return true;
      }
    }

    private SyncOperation contactWrite(SyncField f, WriteMode mode, FieldChange c, Object v, Fields.PcoSide pco) {
      String entry = pco.entryIds().get(f);
      if (f == SyncField.EMAIL) {
        if (v == null) {
          return null; // PCO emails are never deleted: matching relies on old addresses
        }
        String existing = pco.emailIds().get(c.after());
        if (mode == WriteMode.ADD) {
          return existing != null
              ? new SyncOperation.WritePcoContact(c, ContactAction.MAKE_PRIMARY, existing, (String) v, null)
              : new SyncOperation.WritePcoContact(c, ContactAction.ADD, null, (String) v, null);
        }
        return entry != null
            ? new SyncOperation.WritePcoContact(c, ContactAction.UPDATE, entry, (String) v, null)
            : new SyncOperation.WritePcoContact(c, ContactAction.ADD, null, (String) v, null);
      }
      boolean address = f == SyncField.HOME_ADDRESS;
      if (v == null) {
        return entry == null || mode != WriteMode.OVERWRITE ? null
            : new SyncOperation.WritePcoContact(c, ContactAction.DELETE, entry, null, null);
      }
      String text = address ? null : (String) v;
      PostalAddress addr = address ? (PostalAddress) v : null;
      if (entry != null && mode != WriteMode.ADD) {
        return new SyncOperation.WritePcoContact(c, ContactAction.UPDATE, entry, text, addr);
      }
      return new SyncOperation.WritePcoContact(c, ContactAction.ADD, null, text, addr);
    }

    private static void setHostValue(PersonData.Builder b, SyncField f, Object v) {
      PersonData current = b.build();
      PersonData next = current.with(f, v);
      b.firstName(next.firstName()).nickname(next.nickname()).middleName(next.middleName()).lastName(next.lastName())
          .email(next.email()).gender(next.gender()).birthdate(next.birthdate()).anniversary(next.anniversary())
          .homeAddress(next.homeAddress());
      for (org.pcosync.api.PhoneType t : org.pcosync.api.PhoneType.values()) {
        b.phone(t, next.phone(t));
      }
    }

    // ---- permissions and tags ---------------------------------------------------------------------

    private void planPermission(String hostId, String pcoId, PermissionLevel desired, ServicesState state,
        boolean isProtected, boolean created, Link link, List<SyncOperation> ops) {
      if (profile.rule(SyncField.PERMISSION).direction() == Direction.NONE) {
        return;
      }
      String before = stateValue(state);
      String target = desired.pcoValue();
      if (state instanceof ServicesState.Absent) {
        ops.add(new SyncOperation.AddToServices(created ? account.welcomeEmailTemplateId() : null));
        if (desired != PermissionLevel.SCHEDULED_VIEWER) {
          ops.add(new SyncOperation.SetPermission(ServicesState.ABSENT, desired));
        }
        return;
      }
      if (state.isRaisedBy(desired)) {
        ops.add(new SyncOperation.SetPermission(state, desired));
        return;
      }
      PermissionLevel current = state.levelOrNull();
      if (current != null && current.isHigherThan(desired)) {
        if (!account.allowPermissionDowngrade()) {
          moveIfNeeded(link, SyncField.PERMISSION, target, before, ops);
          return;
        }
        if (isProtected) {
          skipped.add(new SyncSkip(hostId, pcoId, "not lowered from " + current.pcoValue() + " to " + target
              + ": the account's own user or an organization administrator"));
          moveIfNeeded(link, SyncField.PERMISSION, target, before, ops);
          return;
        }
        ops.add(new SyncOperation.SetPermission(state, desired));
        return;
      }
      moveIfNeeded(link, SyncField.PERMISSION, target, before, ops);
    }

    private void planTags(String hostId, String pcoId, SyncSet.Member member, Set<String> pcoTags, Link link,
        boolean absent, List<SyncOperation> ops) {
      FieldRule rule = profile.rule(SyncField.TAGS);
      if (rule.direction() == Direction.NONE) {
        return;
      }
      Set<String> hostTags = member.desiredTags();
      String h = Fields.tags(hostTags);
      String p = Fields.tags(pcoTags);
      String b = link.hostBase().get(SyncField.TAGS);
      boolean full = in.mode() == RunMode.FULL;
      Set<String> winner;
      if (!link.hasBase() || absent) {
        winner = hostTags.isEmpty() && full && rule.direction().writesHost() ? pcoTags : hostTags;
      } else {
        boolean hostChanged = !Fields.eq(h, b);
        boolean pcoChanged = full && !Fields.eq(p, link.pcoBase().get(SyncField.TAGS));
        if (hostChanged && pcoChanged && !Fields.eq(h, p)) {
          Winner w = rule.direction() == Direction.HOST_TO_PCO ? Winner.HOST
              : byPolicy(rule, null, null, rule.direction()) == Winner.PCO ? Winner.PCO : Winner.HOST;
          conflicts.add(new SyncConflict(hostId, pcoId, SyncField.TAGS, b, h, p, rule.conflictPolicy(),
              w == Winner.HOST ? "host" : "pco"));
          winner = w == Winner.HOST ? hostTags : pcoTags;
        } else if (hostChanged) {
          winner = hostTags;
        } else if (pcoChanged && rule.direction().writesHost()) {
          winner = pcoTags;
        } else if (!full) {
          winner = hostTags.equals(pcoTags) ? hostTags : null; // updates-only: PCO's tag edits wait for a full run
        } else {
          winner = hostTags;
        }
      }
      if (winner == null) {
        if (!member.attributeTags().equals(hostTags)) {
          ops.add(new SyncOperation.SetHostTags(member.attributeTags(), hostTags));
        }
        return;
      }
      Set<String> target = new HashSet<>(winner);
      target.removeAll(in.controlledTags());
      target.addAll(member.groupTags());
      String t = Fields.tags(target);
      boolean writes = false;
      if (!Fields.eq(t, p) && rule.direction().writesPco()) {
        ops.add(new SyncOperation.AssignTags(pcoTags, target));
        writes = true;
      }
      if (!member.attributeTags().equals(target)) {
        ops.add(new SyncOperation.SetHostTags(member.attributeTags(), target));
        writes = true;
      }
      if (!writes && (!Fields.eq(t, b) || !Fields.eq(t, link.pcoBase().get(SyncField.TAGS)))) {
        ops.add(new SyncOperation.MoveBases(List.of(new BaseMove(SyncField.TAGS, t, p))));
      }
    }

    private void moveIfNeeded(Link link, SyncField f, String hostValue, String pcoValue, List<SyncOperation> ops) {
      if (!Fields.eq(link.hostBase().get(f), hostValue) || !Fields.eq(link.pcoBase().get(f), pcoValue)) {
        ops.add(new SyncOperation.MoveBases(List.of(new BaseMove(f, hostValue, pcoValue))));
      }
    }

    // ---- leavers ----------------------------------------------------------------------------------

    private void planLeaver(PlanInput.Leaver leaver) {
      Link link = leaver.link();
      String hostId = leaver.person() != null ? leaver.person().id() : link.hostStableId();
      String label = leaver.person() != null ? leaver.person().label() : hostId;
      List<SyncOperation> ops = new ArrayList<>();
      if (profile.servicesEnabled() && profile.rule(SyncField.PERMISSION).direction() != Direction.NONE
          && account.allowPermissionDowngrade()) {
        String pcoId = link.pcoPersonId();
        PortServicesPerson services = servicesOf(pcoId);
        PortPerson pcoPerson = in.pcoPeople().get(pcoId);
        ServicesState state = services != null ? services.state()
            : in.servicesComplete() || in.servicesAbsent().contains(pcoId) ? ServicesState.ABSENT
            : state(link.pcoBase().get(SyncField.PERMISSION));
        if (state instanceof ServicesState.Active) {
          if (isProtected(pcoId, pcoPerson, services)) {
            skipped.add(new SyncSkip(hostId, pcoId, "left the sync set but not archived: the account's own user or an"
                + " organization administrator"));
          } else {
            ops.add(new SyncOperation.Archive(state));
          }
        }
      }
      if (leaver.person() != null && profile.servicesEnabled()
          && profile.rule(SyncField.TAGS).direction() != Direction.NONE) {
        Set<String> kept = new HashSet<>(leaver.attributeTags());
        kept.removeAll(in.controlledTags());
        if (!kept.equals(leaver.attributeTags())) {
          ops.add(new SyncOperation.SetHostTags(leaver.attributeTags(), kept));
        }
      }
      if (!ops.isEmpty()) {
        plans.add(new PersonPlan(hostId, link.hostStableId(), link.pcoPersonId(), label, ops));
      }
    }

    private static String ids(List<PortPerson> people) {
      return people.stream().map(PortPerson::id).sorted().toList().toString();
    }
  }

  /** Orders numeric ids numerically (without leading zeros), then other ids lexicographically. */
  /** {@link Fields#PERSON_FIELDS} then the photo: the fields {@code diffFields} walks, in order. */
  private static final List<SyncField> DIFF_FIELDS = java.util.stream.Stream.concat(
      Fields.PERSON_FIELDS.stream(), java.util.stream.Stream.of(SyncField.PHOTO)).toList();

  static final Comparator<String> ID_ORDER = (a, b) -> {
    boolean na = isDigits(a);
    boolean nb = isDigits(b);
    if (na && nb) {
      int c = Integer.compare(a.length(), b.length());
      return c != 0 ? c : a.compareTo(b);
    }
    return na ? -1 : nb ? 1 : a.compareTo(b);
  };

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
