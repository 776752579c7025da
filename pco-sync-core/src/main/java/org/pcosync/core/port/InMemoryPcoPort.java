package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pcosync.api.Gender;
import org.pcosync.api.InvalidValueException;
import org.pcosync.api.Normalize;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.ServicesState;

/**
 * A PCO port held in memory: ids, {@code created_at}/{@code updated_at} from the injected clock,
 * PCO-like validation (invalid emails, phones without digits, unknown genders are rejected with a
 * typed {@link PcoRejectedException}), a log of calls and scripted faults. For unit tests, property
 * tests and benchmarks; it speaks no HTTP.
 *
 * <pre>{@code
 * InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).build();
 * String id = pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "Ted",
 *     PersonAttribute.LAST_NAME, "Decker")).id();
 * pco.failNext(InMemoryPcoPort.Operation.UPDATE_PERSON, false, new PcoUnavailableException("500", null));
 * }</pre>
 *
 * <p>Calls through the port itself are logged ({@link #calls()}) and subject to scripted faults;
 * calls through {@link #admin()} act as someone editing in PCO's web UI: neither logged nor faulted.
 * Services tag assignment does not bump a Services person's {@code updated_at} (PCO does not
 * promise it does), and a change of email, phone or address bumps the People person's.
 *
 * <p>Thread-safe; every call is atomic.
 */
public final class InMemoryPcoPort implements PcoPort {

  /** A port call, as logged and as faults are keyed. */
  public enum Operation {
    CREATE_PERSON(true), UPDATE_PERSON(true), DELETE_PERSON(true),
    ADD_EMAIL(true), UPDATE_EMAIL(true), ADD_PHONE(true), UPDATE_PHONE(true), DELETE_PHONE(true),
    ADD_ADDRESS(true), UPDATE_ADDRESS(true), DELETE_ADDRESS(true), SET_AVATAR(true),
    ADD_TO_SERVICES(true), SET_PERMISSION(true), ARCHIVE(true), ASSIGN_TAGS(true),
    LIST_PEOPLE(false), GET_PERSON(false), SEARCH_EMAIL(false), FIND_REMOTE_ID(false), FIND_NAME(false),
    ME(false), MERGERS(false), LIST_SERVICES_PEOPLE(false), GET_SERVICES_PERSON(false), TAG_GROUPS(false);

    private final boolean write;

    Operation(boolean write) {
      this.write = write;
    }

    /** Returns whether the operation changes PCO (a POST, PATCH or DELETE). */
    public boolean isWrite() {
      return write;
    }
  }

  /**
   * One logged call.
   *
   * @param operation what was called
   * @param target the id it concerned (person, email, phone, address), or "" for list reads
   */
  public record Call(Operation operation, String target) {
    public Call {
      requireNonNull(operation, "operation == null");
      requireNonNull(target, "target == null");
    }

    @Override
    public String toString() {
      return operation + (target.isEmpty() ? "" : " " + target);
    }
  }

  private record Fault(Operation operation, boolean afterWrite, RuntimeException error) {}

  private static final class PersonState {
    final String id;
    final EnumMap<PersonAttribute, String> attributes = new EnumMap<>(PersonAttribute.class);
    boolean siteAdministrator;
    String loginIdentifier;
    final Instant createdAt;
    Instant updatedAt;
    final List<PortEmail> emails = new ArrayList<>();
    final List<PortPhone> phones = new ArrayList<>();
    final List<PortAddress> addresses = new ArrayList<>();

    PersonState(String id, Instant now) {
      this.id = id;
      this.createdAt = now;
      this.updatedAt = now;
    }

    PortPerson snapshot() {
      return new PortPerson(id, attributes.get(PersonAttribute.FIRST_NAME), attributes.get(PersonAttribute.GIVEN_NAME),
          attributes.get(PersonAttribute.NICKNAME), attributes.get(PersonAttribute.MIDDLE_NAME),
          attributes.get(PersonAttribute.LAST_NAME), attributes.get(PersonAttribute.GENDER),
          attributes.get(PersonAttribute.BIRTHDATE), attributes.get(PersonAttribute.ANNIVERSARY),
          attributes.get(PersonAttribute.REMOTE_ID), siteAdministrator, loginIdentifier != null, createdAt,
          updatedAt, emails, phones,
          addresses);
    }
  }

  private static final class ServicesStateHolder {
    ServicesState state;
    Set<String> tags = Set.of();
    Instant updatedAt;
  }

  private final Clock clock;
  private final int pageSize;
  private final AtomicLong ids;
  private final Map<String, PersonState> people = new LinkedHashMap<>();
  private final Map<String, String> entryOwner = new java.util.HashMap<>();
  private List<PersonState> ordered; // people in creation order, rebuilt after a create or delete
  private final Map<String, ServicesStateHolder> services = new LinkedHashMap<>();
  private final List<PortTagGroup> tagGroups = new ArrayList<>();
  private final List<PortMerger> mergers = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<String> welcomeEmails = new ArrayList<>();
  private String meId;
  private final PcoPort admin = new AdminView();

  private InMemoryPcoPort(Builder b) {
    this.clock = b.clock;
    this.pageSize = b.pageSize;
    this.ids = new AtomicLong(b.firstId);
  }

  /** Returns a builder; a clock is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InMemoryPcoPort}. Not thread-safe. */
  public static final class Builder {
    private Clock clock;
    private int pageSize = 100;
    private long firstId = 1000;

    private Builder() {}

    /** Sets the clock of {@code created_at} and {@code updated_at}; required. */
    public Builder clock(Clock c) {
      clock = requireNonNull(c, "clock == null");
      return this;
    }

    /** Sets the page size of paged reads, 1..100; 100 by default. */
    public Builder pageSize(int n) {
      if (n < 1 || n > 100) {
        throw new IllegalArgumentException("pageSize must be 1..100, was " + n);
      }
      pageSize = n;
      return this;
    }

    /** Sets the first id handed out; 1000 by default. */
    public Builder firstId(long id) {
      firstId = id;
      return this;
    }

    /** Returns the port. */
    public InMemoryPcoPort build() {
      requireNonNull(clock, "clock == null");
      return new InMemoryPcoPort(this);
    }
  }

  // ---- test controls ------------------------------------------------------------------------------

  /**
   * Returns a view acting as a person editing in PCO's web UI: the same data, but its calls are
   * not logged and never faulted.
   */
  public PcoPort admin() {
    return admin;
  }

  /**
   * Scripts a one-shot fault for the next call of {@code operation} through the port.
   *
   * @param afterWrite {@code false}: thrown before anything changes; {@code true}: thrown after the
   *     change was made (a lost response)
   * @param error what the call throws (any runtime exception, e.g. a simulated crash)
   */
  public synchronized void failNext(Operation operation, boolean afterWrite, RuntimeException error) {
    faults.add(new Fault(requireNonNull(operation, "operation == null"), afterWrite,
        requireNonNull(error, "error == null")));
  }

  /** Returns every call made through the port so far, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the writes (POST, PATCH, DELETE) made through the port so far, oldest first. */
  public synchronized List<Call> writes() {
    return calls.stream().filter(c -> c.operation().isWrite()).toList();
  }

  /** Forgets the logged calls. */
  public synchronized void clearCalls() {
    calls.clear();
  }

  /** Returns the person ids a welcome email was sent to (as "personId:templateId"). */
  public synchronized List<String> welcomeEmails() {
    return List.copyOf(welcomeEmails);
  }

  /** Sets the account's own user ({@code /me}). */
  public synchronized void setMe(String personId) {
    meId = personId;
  }

  /** Marks a person as organization administrator (or not). */
  public synchronized void setSiteAdministrator(String personId, boolean admin) {
    require(personId).siteAdministrator = admin;
  }

  /**
   * Gives a person a PCO login (PCO's read-only {@code login_identifier}), or takes it away with
   * {@code null}; {@code updated_at} does not move.
   */
  public synchronized void setLoginIdentifier(String personId, String loginIdentifier) {
    require(personId).loginIdentifier = loginIdentifier == null || loginIdentifier.isBlank() ? null : loginIdentifier;
  }

  /** Adds a person tag group with tags ({@code tagId → name}, in order). */
  public synchronized void addTagGroup(String id, String name, Map<String, String> tags) {
    List<PortTagGroup.Tag> t = new ArrayList<>();
    tags.forEach((tid, tname) -> t.add(new PortTagGroup.Tag(tid, tname)));
    tagGroups.add(new PortTagGroup(id, name, t));
  }

  /** Merges {@code removedId} into {@code keptId}: emails, phones and addresses move, the removed person goes. */
  public synchronized void merge(String keptId, String removedId) {
    PersonState kept = require(keptId);
    PersonState removed = require(removedId);
    kept.emails.addAll(removed.emails);
    kept.phones.addAll(removed.phones);
    kept.addresses.addAll(removed.addresses);
    removed.emails.forEach(e -> entryOwner.put(e.id(), keptId));
    removed.phones.forEach(e -> entryOwner.put(e.id(), keptId));
    removed.addresses.forEach(e -> entryOwner.put(e.id(), keptId));
    kept.updatedAt = now();
    people.remove(removedId);
    services.remove(removedId);
    ordered = null;
    mergers.add(new PortMerger(keptId, removedId, now()));
  }

  /** Returns every People person, in creation order. */
  public synchronized List<PortPerson> allPeople() {
    return people.values().stream().map(PersonState::snapshot).toList();
  }

  /** Returns how many People people exist. */
  public synchronized int peopleCount() {
    return people.size();
  }

  // ---- the port -----------------------------------------------------------------------------------

  @Override
  public Page<PortPerson> people(Instant updatedSince, String pageToken) {
    return logged(Operation.LIST_PEOPLE, "", () -> doPeople(updatedSince, pageToken));
  }

  @Override
  public Optional<PortPerson> person(String id) {
    return logged(Operation.GET_PERSON, id, () -> doPerson(id));
  }

  @Override
  public List<PortPerson> searchByEmail(String email) {
    return logged(Operation.SEARCH_EMAIL, "", () -> doSearchByEmail(email));
  }

  @Override
  public List<PortPerson> findByRemoteId(String remoteId) {
    return logged(Operation.FIND_REMOTE_ID, "", () -> doFindByRemoteId(remoteId));
  }

  @Override
  public List<PortPerson> findByName(String firstName, String lastName) {
    return logged(Operation.FIND_NAME, "", () -> doFindByName(firstName, lastName));
  }

  @Override
  public String meId() {
    return logged(Operation.ME, "", this::doMe);
  }

  @Override
  public List<PortMerger> mergersSince(Instant since) {
    return logged(Operation.MERGERS, "", () -> doMergers(since));
  }

  @Override
  public PortPerson createPerson(Map<PersonAttribute, String> attributes) {
    return logged(Operation.CREATE_PERSON, "", () -> doCreatePerson(attributes));
  }

  @Override
  public PortPerson updatePerson(String id, Map<PersonAttribute, String> attributes) {
    return logged(Operation.UPDATE_PERSON, id, () -> doUpdatePerson(id, attributes));
  }

  @Override
  public void deletePerson(String id) {
    logged(Operation.DELETE_PERSON, id, () -> {
      doDeletePerson(id);
      return null;
    });
  }

  @Override
  public PortEmail addEmail(String personId, String address, String location, boolean primary) {
    return logged(Operation.ADD_EMAIL, personId, () -> doAddEmail(personId, address, location, primary));
  }

  @Override
  public PortEmail updateEmail(String emailId, String address, boolean primary) {
    return logged(Operation.UPDATE_EMAIL, emailId, () -> doUpdateEmail(emailId, address, primary));
  }

  @Override
  public PortPhone addPhone(String personId, String number, String location, boolean primary) {
    return logged(Operation.ADD_PHONE, personId, () -> doAddPhone(personId, number, location, primary));
  }

  @Override
  public PortPhone updatePhone(String phoneId, String number) {
    return logged(Operation.UPDATE_PHONE, phoneId, () -> doUpdatePhone(phoneId, number));
  }

  @Override
  public void deletePhone(String phoneId) {
    logged(Operation.DELETE_PHONE, phoneId, () -> {
      doDeleteContact(phoneId);
      return null;
    });
  }

  @Override
  public PortAddress addAddress(String personId, PostalAddress address, String location, boolean primary) {
    return logged(Operation.ADD_ADDRESS, personId, () -> doAddAddress(personId, address, location, primary));
  }

  @Override
  public PortAddress updateAddress(String addressId, PostalAddress address) {
    return logged(Operation.UPDATE_ADDRESS, addressId, () -> doUpdateAddress(addressId, address));
  }

  @Override
  public void deleteAddress(String addressId) {
    logged(Operation.DELETE_ADDRESS, addressId, () -> {
      doDeleteContact(addressId);
      return null;
    });
  }

  @Override
  public void setAvatar(String personId, InputStream content, String contentType) {
    logged(Operation.SET_AVATAR, personId, () -> {
      doSetAvatar(personId, content);
      return null;
    });
  }

  @Override
  public List<PortServicesPerson> servicesPeople(Instant updatedSince) {
    return logged(Operation.LIST_SERVICES_PEOPLE, "", () -> doServicesPeople(updatedSince));
  }

  @Override
  public Optional<PortServicesPerson> servicesPerson(String id) {
    return logged(Operation.GET_SERVICES_PERSON, id, () -> doServicesPerson(id));
  }

  @Override
  public void addToServices(String personId, String welcomeTemplateId) {
    logged(Operation.ADD_TO_SERVICES, personId, () -> {
      doAddToServices(personId, welcomeTemplateId);
      return null;
    });
  }

  @Override
  public void setPermission(String personId, PermissionLevel level) {
    logged(Operation.SET_PERMISSION, personId, () -> {
      doSetServicesState(personId, ServicesState.active(level));
      return null;
    });
  }

  @Override
  public void archive(String personId) {
    logged(Operation.ARCHIVE, personId, () -> {
      doSetServicesState(personId, ServicesState.ARCHIVED);
      return null;
    });
  }

  @Override
  public void assignTags(String personId, Set<String> tagIds) {
    logged(Operation.ASSIGN_TAGS, personId, () -> {
      doAssignTags(personId, tagIds);
      return null;
    });
  }

  @Override
  public List<PortTagGroup> tagGroups() {
    return logged(Operation.TAG_GROUPS, "", this::doTagGroups);
  }

  // ---- machinery --------------------------------------------------------------------------------

  private interface Body<T> {
    T run();
  }

  private synchronized <T> T logged(Operation op, String target, Body<T> body) {
    calls.add(new Call(op, target == null ? "" : target));
    Fault fault = takeFault(op);
    if (fault != null && !fault.afterWrite()) {
      throw fault.error();
    }
    T result = body.run();
    if (fault != null) {
      throw fault.error();
    }
    return result;
  }

  private Fault takeFault(Operation op) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.operation() == op) {
        it.remove();
        return f;
      }
    }
    return null;
  }

  private Instant now() {
    return clock.instant();
  }

  private String nextId() {
    return Long.toString(ids.getAndIncrement());
  }

  private PersonState require(String id) {
    PersonState p = people.get(id);
    if (p == null) {
      throw new PcoRejectedException(404, null, "person " + id + " not found");
    }
    return p;
  }

  private synchronized Page<PortPerson> doPeople(Instant updatedSince, String pageToken) {
    List<PersonState> all;
    if (updatedSince == null) {
      if (ordered == null) {
        ordered = new ArrayList<>(people.values());
      }
      all = ordered;
    } else {
      all = new ArrayList<>(people.values());
      all.removeIf(p -> p.updatedAt.isBefore(updatedSince));
      all.sort(Comparator.comparing((PersonState p) -> p.updatedAt));
    }
    int offset = pageToken == null ? 0 : Integer.parseInt(pageToken);
    int end = Math.min(all.size(), offset + pageSize);
    List<PortPerson> items = offset >= all.size() ? List.of()
        : all.subList(offset, end).stream().map(PersonState::snapshot).toList();
    return new Page<>(items, end < all.size() ? Integer.toString(end) : null);
  }

  private synchronized Optional<PortPerson> doPerson(String id) {
    PersonState p = people.get(id);
    return p == null ? Optional.empty() : Optional.of(p.snapshot());
  }

  private synchronized List<PortPerson> doSearchByEmail(String email) {
    String e = Normalize.email(email);
    return people.values().stream()
        .filter(p -> p.emails.stream().anyMatch(m -> Normalize.email(m.address()).equals(e)))
        .map(PersonState::snapshot).toList();
  }

  private synchronized List<PortPerson> doFindByRemoteId(String remoteId) {
    return people.values().stream()
        .filter(p -> remoteId.equals(p.attributes.get(PersonAttribute.REMOTE_ID)))
        .map(PersonState::snapshot).toList();
  }

  private synchronized List<PortPerson> doFindByName(String firstName, String lastName) {
    String f = Normalize.nameKey(firstName);
    String l = Normalize.nameKey(lastName);
    return people.values().stream()
        .filter(p -> l != null && l.equals(Normalize.nameKey(p.attributes.get(PersonAttribute.LAST_NAME))))
        .filter(p -> f != null && (f.equals(Normalize.nameKey(p.attributes.get(PersonAttribute.FIRST_NAME)))
            || f.equals(Normalize.nameKey(p.attributes.get(PersonAttribute.GIVEN_NAME)))
            || f.equals(Normalize.nameKey(p.attributes.get(PersonAttribute.NICKNAME)))))
        .map(PersonState::snapshot).toList();
  }

  private synchronized String doMe() {
    if (meId == null) {
      throw new PcoRejectedException(404, null, "no /me configured in the in-memory port");
    }
    return meId;
  }

  private synchronized List<PortMerger> doMergers(Instant since) {
    return mergers.stream().filter(m -> !m.createdAt().isBefore(since)).toList();
  }

  private synchronized PortPerson doCreatePerson(Map<PersonAttribute, String> attributes) {
    Map<PersonAttribute, String> valid = validate(attributes);
    boolean hasFirst = valid.get(PersonAttribute.FIRST_NAME) != null || valid.get(PersonAttribute.GIVEN_NAME) != null;
    if (!hasFirst && valid.get(PersonAttribute.LAST_NAME) == null) {
      throw new PcoRejectedException(422, "last_name", "can't be blank");
    }
    PersonState p = new PersonState(nextId(), now());
    valid.forEach((a, v) -> {
      if (v != null) {
        p.attributes.put(a, v);
      }
    });
    people.put(p.id, p);
    ordered = null;
    return p.snapshot();
  }

  private Map<PersonAttribute, String> validate(Map<PersonAttribute, String> attributes) {
    Map<PersonAttribute, String> copy = new EnumMap<>(PersonAttribute.class);
    attributes.forEach((a, v) -> copy.put(a, Normalize.text(v)));
    String gender = copy.get(PersonAttribute.GENDER);
    if (gender != null) {
      try {
        Gender g = Gender.parse(gender);
        copy.put(PersonAttribute.GENDER, g.pcoValue());
      } catch (InvalidValueException e) {
        throw new PcoRejectedException(422, "gender", "is not included in the list");
      }
    }
    for (PersonAttribute d : new PersonAttribute[] {PersonAttribute.BIRTHDATE, PersonAttribute.ANNIVERSARY}) {
      String v = copy.get(d);
      if (v != null) {
        try {
          LocalDate.parse(v);
        } catch (DateTimeParseException e) {
          throw new PcoRejectedException(422, d.apiName(), "is not a date");
        }
      }
    }
    String remote = copy.get(PersonAttribute.REMOTE_ID);
    if (remote != null && !remote.chars().allMatch(Character::isDigit)) {
      throw new PcoRejectedException(422, "remote_id", "is not a number");
    }
    return copy;
  }

  private synchronized PortPerson doUpdatePerson(String id, Map<PersonAttribute, String> attributes) {
    PersonState p = require(id);
    Map<PersonAttribute, String> valid = validate(attributes);
    valid.forEach((a, v) -> {
      if (v == null) {
        p.attributes.remove(a);
      } else {
        p.attributes.put(a, v);
      }
    });
    p.updatedAt = now();
    return p.snapshot();
  }

  private synchronized void doDeletePerson(String id) {
    require(id);
    people.remove(id);
    services.remove(id);
    ordered = null;
  }

  private synchronized PortEmail doAddEmail(String personId, String address, String location, boolean primary) {
    PersonState p = require(personId);
    if (!Normalize.isValidEmail(address)) {
      throw new PcoRejectedException(422, "address", "is invalid");
    }
    if (primary) {
      p.emails.replaceAll(e -> new PortEmail(e.id(), e.address(), e.location(), false, e.createdAt()));
    }
    PortEmail e = new PortEmail(nextId(), Normalize.text(address), location, primary || p.emails.isEmpty(), now());
    p.emails.add(e);
    entryOwner.put(e.id(), p.id);
    p.updatedAt = now();
    return e;
  }

  /** The person owning a contact entry (as a list: empty when unknown). */
  private List<PersonState> owners(String entryId) {
    PersonState p = people.get(entryOwner.get(entryId));
    return p == null ? List.of() : List.of(p);
  }

  private synchronized PortEmail doUpdateEmail(String emailId, String address, boolean primary) {
    if (!Normalize.isValidEmail(address)) {
      throw new PcoRejectedException(422, "address", "is invalid");
    }
    for (PersonState p : owners(emailId)) {
      for (int i = 0; i < p.emails.size(); i++) {
        PortEmail e = p.emails.get(i);
        if (e.id().equals(emailId)) {
          if (primary) {
            p.emails.replaceAll(o -> new PortEmail(o.id(), o.address(), o.location(), false, o.createdAt()));
          }
          PortEmail n = new PortEmail(emailId, Normalize.text(address), e.location(), primary, e.createdAt());
          p.emails.set(i, n);
          p.updatedAt = now();
          return n;
        }
      }
    }
    throw new PcoRejectedException(404, null, "email " + emailId + " not found");
  }

  private synchronized PortPhone doAddPhone(String personId, String number, String location, boolean primary) {
    PersonState p = require(personId);
    if (location == null || location.isBlank()) {
      throw new PcoRejectedException(422, "location", "can't be blank");
    }
    if (!Normalize.isValidPhone(number)) {
      throw new PcoRejectedException(422, "number", "is invalid");
    }
    if (primary) {
      p.phones.replaceAll(o -> new PortPhone(o.id(), o.number(), o.location(), false, o.createdAt()));
    }
    PortPhone ph = new PortPhone(nextId(), formatPhone(number), location, primary, now());
    p.phones.add(ph);
    entryOwner.put(ph.id(), p.id);
    p.updatedAt = now();
    return ph;
  }

  /** PCO reformats numbers; do the same so the engine must compare digits. */
  private static String formatPhone(String number) {
    String d = Normalize.phoneDigits(number);
    if (d.length() == 10) {
      return "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
    }
    return number.strip();
  }

  private synchronized PortPhone doUpdatePhone(String phoneId, String number) {
    if (!Normalize.isValidPhone(number)) {
      throw new PcoRejectedException(422, "number", "is invalid");
    }
    for (PersonState p : owners(phoneId)) {
      for (int i = 0; i < p.phones.size(); i++) {
        PortPhone ph = p.phones.get(i);
        if (ph.id().equals(phoneId)) {
          PortPhone n = new PortPhone(phoneId, formatPhone(number), ph.location(), ph.primary(), ph.createdAt());
          p.phones.set(i, n);
          p.updatedAt = now();
          return n;
        }
      }
    }
    throw new PcoRejectedException(404, null, "phone number " + phoneId + " not found");
  }

  private synchronized void doDeleteContact(String id) {
    for (PersonState p : owners(id)) {
      if (p.phones.removeIf(ph -> ph.id().equals(id)) | p.addresses.removeIf(a -> a.id().equals(id))
          | p.emails.removeIf(e -> e.id().equals(id))) {
        p.updatedAt = now();
        return;
      }
    }
    throw new PcoRejectedException(404, null, id + " not found");
  }

  private synchronized PortAddress doAddAddress(String personId, PostalAddress address, String location, boolean primary) {
    PersonState p = require(personId);
    if (address == null || address.isEmpty()) {
      throw new PcoRejectedException(422, "street_line_1", "can't be blank");
    }
    if (primary) {
      p.addresses.replaceAll(o -> new PortAddress(o.id(), o.address(), o.location(), false, o.createdAt()));
    }
    PortAddress a = new PortAddress(nextId(), address, location, primary, now());
    p.addresses.add(a);
    entryOwner.put(a.id(), p.id);
    p.updatedAt = now();
    return a;
  }

  private synchronized PortAddress doUpdateAddress(String addressId, PostalAddress address) {
    for (PersonState p : owners(addressId)) {
      for (int i = 0; i < p.addresses.size(); i++) {
        PortAddress a = p.addresses.get(i);
        if (a.id().equals(addressId)) {
          PortAddress n = new PortAddress(addressId, address, a.location(), a.primary(), a.createdAt());
          p.addresses.set(i, n);
          p.updatedAt = now();
          return n;
        }
      }
    }
    throw new PcoRejectedException(404, null, "address " + addressId + " not found");
  }

  private synchronized void doSetAvatar(String personId, InputStream content) {
    PersonState p = require(personId);
    try (InputStream in = content) {
      in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    p.updatedAt = now();
  }

  private synchronized List<PortServicesPerson> doServicesPeople(Instant updatedSince) {
    List<PortServicesPerson> all = new ArrayList<>();
    services.keySet().forEach(id -> all.add(servicesSnapshot(id)));
    all.sort(Comparator.comparing(PortServicesPerson::updatedAt).reversed().thenComparing(PortServicesPerson::id));
    List<PortServicesPerson> out = new ArrayList<>();
    for (PortServicesPerson s : all) {
      if (updatedSince != null && s.updatedAt().isBefore(updatedSince)) {
        break;
      }
      out.add(s);
    }
    return out;
  }

  private PortServicesPerson servicesSnapshot(String id) {
    ServicesStateHolder s = services.get(id);
    PersonState p = people.get(id);
    return new PortServicesPerson(id, s.state, p != null && p.siteAdministrator, s.tags, s.updatedAt);
  }

  private synchronized Optional<PortServicesPerson> doServicesPerson(String id) {
    return services.containsKey(id) ? Optional.of(servicesSnapshot(id)) : Optional.empty();
  }

  private synchronized void doAddToServices(String personId, String welcomeTemplateId) {
    require(personId);
    if (!services.containsKey(personId)) {
      ServicesStateHolder s = new ServicesStateHolder();
      s.state = ServicesState.active(PermissionLevel.SCHEDULED_VIEWER);
      s.updatedAt = now();
      services.put(personId, s);
    }
    if (welcomeTemplateId != null) {
      welcomeEmails.add(personId + ":" + welcomeTemplateId);
    }
  }

  private synchronized void doSetServicesState(String personId, ServicesState state) {
    ServicesStateHolder s = services.get(personId);
    if (s == null) {
      throw new PcoRejectedException(404, null, "person " + personId + " is not in Services");
    }
    s.state = state;
    s.updatedAt = now();
  }

  private synchronized void doAssignTags(String personId, Set<String> tagIds) {
    ServicesStateHolder s = services.get(personId);
    if (s == null) {
      throw new PcoRejectedException(404, null, "person " + personId + " is not in Services");
    }
    Set<String> known = new LinkedHashSet<>();
    tagGroups.forEach(g -> g.tags().forEach(t -> known.add(t.id())));
    Set<String> kept = new LinkedHashSet<>(tagIds);
    kept.retainAll(known); // PCO silently ignores unknown tag ids
    s.tags = Set.copyOf(kept);
  }

  private synchronized List<PortTagGroup> doTagGroups() {
    return List.copyOf(tagGroups);
  }

  /** The admin view: same data, no log, no faults. */
  private final class AdminView implements PcoPort {
    @Override
    public Page<PortPerson> people(Instant updatedSince, String pageToken) {
      return doPeople(updatedSince, pageToken);
    }

    @Override
    public Optional<PortPerson> person(String id) {
      return doPerson(id);
    }

    @Override
    public List<PortPerson> searchByEmail(String email) {
      return doSearchByEmail(email);
    }

    @Override
    public List<PortPerson> findByRemoteId(String remoteId) {
      return doFindByRemoteId(remoteId);
    }

    @Override
    public List<PortPerson> findByName(String firstName, String lastName) {
      return doFindByName(firstName, lastName);
    }

    @Override
    public String meId() {
      return doMe();
    }

    @Override
    public List<PortMerger> mergersSince(Instant since) {
      return doMergers(since);
    }

    @Override
    public PortPerson createPerson(Map<PersonAttribute, String> attributes) {
      return doCreatePerson(attributes);
    }

    @Override
    public PortPerson updatePerson(String id, Map<PersonAttribute, String> attributes) {
      return doUpdatePerson(id, attributes);
    }

    @Override
    public void deletePerson(String id) {
      doDeletePerson(id);
    }

    @Override
    public PortEmail addEmail(String personId, String address, String location, boolean primary) {
      return doAddEmail(personId, address, location, primary);
    }

    @Override
    public PortEmail updateEmail(String emailId, String address, boolean primary) {
      return doUpdateEmail(emailId, address, primary);
    }

    @Override
    public PortPhone addPhone(String personId, String number, String location, boolean primary) {
      return doAddPhone(personId, number, location, primary);
    }

    @Override
    public PortPhone updatePhone(String phoneId, String number) {
      return doUpdatePhone(phoneId, number);
    }

    @Override
    public void deletePhone(String phoneId) {
      doDeleteContact(phoneId);
    }

    @Override
    public PortAddress addAddress(String personId, PostalAddress address, String location, boolean primary) {
      return doAddAddress(personId, address, location, primary);
    }

    @Override
    public PortAddress updateAddress(String addressId, PostalAddress address) {
      return doUpdateAddress(addressId, address);
    }

    @Override
    public void deleteAddress(String addressId) {
      doDeleteContact(addressId);
    }

    @Override
    public void setAvatar(String personId, InputStream content, String contentType) {
      doSetAvatar(personId, content);
    }

    @Override
    public List<PortServicesPerson> servicesPeople(Instant updatedSince) {
      return doServicesPeople(updatedSince);
    }

    @Override
    public Optional<PortServicesPerson> servicesPerson(String id) {
      return doServicesPerson(id);
    }

    @Override
    public void addToServices(String personId, String welcomeTemplateId) {
      doAddToServices(personId, welcomeTemplateId);
    }

    @Override
    public void setPermission(String personId, PermissionLevel level) {
      doSetServicesState(personId, ServicesState.active(level));
    }

    @Override
    public void archive(String personId) {
      doSetServicesState(personId, ServicesState.ARCHIVED);
    }

    @Override
    public void assignTags(String personId, Set<String> tagIds) {
      doAssignTags(personId, tagIds);
    }

    @Override
    public List<PortTagGroup> tagGroups() {
      return doTagGroups();
    }

    @Override
    public String toString() {
      return "InMemoryPcoPort.admin";
    }
  }

  @Override
  public synchronized String toString() {
    return "InMemoryPcoPort[people=" + people.size() + ", services=" + services.size() + "]";
  }
}
