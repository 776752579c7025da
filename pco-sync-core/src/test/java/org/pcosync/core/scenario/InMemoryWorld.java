package org.pcosync.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pcosync.api.PermissionLevel;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.InMemoryPcoPort.Call;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PcoRejectedException;
import org.pcosync.core.port.PcoUnavailableException;
import org.pcosync.core.port.PcoOutcomeUnknownException;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortPhone;
import org.pcosync.testkit.MutableClock;

/** {@link PcoWorld} over {@link InMemoryPcoPort}. */
final class InMemoryWorld implements PcoWorld {
  private final InMemoryPcoPort pco;
  private final PcoPort admin;
  private final FaultPort faulty;
  private final AtomicInteger tagIds = new AtomicInteger(1);

  InMemoryWorld(MutableClock clock) {
    this.pco = InMemoryPcoPort.builder().clock(clock).pageSize(3).build();
    this.admin = pco.admin();
    this.faulty = new FaultPort(pco);
  }

  /** The in-memory PCO itself (merges, inspection). */
  InMemoryPcoPort pco() {
    return pco;
  }

  @Override
  public PcoPort port() {
    return faulty;
  }

  @Override
  public String baseUrl() {
    return "https://127.0.0.1";
  }

  @Override
  public String addPerson(String firstName, String lastName, String email) {
    String id = admin.createPerson(Map.of(PersonAttribute.FIRST_NAME, firstName, PersonAttribute.LAST_NAME, lastName)).id();
    if (email != null) {
      admin.addEmail(id, email, "Home", true);
    }
    return id;
  }

  @Override
  public String attribute(String id, String apiName) {
    return admin.person(id).map(p -> p.attribute(PersonAttribute.fromApiName(apiName))).orElse(null);
  }

  @Override
  public void setAttribute(String id, String apiName, String value) {
    java.util.Map<PersonAttribute, String> m = new java.util.EnumMap<>(PersonAttribute.class);
    m.put(PersonAttribute.fromApiName(apiName), value);
    admin.updatePerson(id, m);
  }

  @Override
  public List<String> emails(String id) {
    return admin.person(id).orElseThrow().emails().stream().map(e -> e.address()).toList();
  }

  @Override
  public List<String> phones(String id) {
    return admin.person(id).orElseThrow().phones().stream().map(PortPhone::number).toList();
  }

  @Override
  public void addPhone(String id, String number, String location, boolean primary) {
    admin.addPhone(id, number, location, primary);
  }

  @Override
  public int peopleCount() {
    return pco.peopleCount();
  }

  @Override
  public List<String> idsWithLastName(String lastName) {
    return pco.allPeople().stream().filter(p -> lastName.equals(p.lastName())).map(PortPerson::id).toList();
  }

  @Override
  public String addTagGroup(String name) {
    return "g-" + name;
  }

  @Override
  public String addTag(String groupId, String name) {
    String id = "t" + tagIds.getAndIncrement();
    pco.addTagGroup(groupId, groupId.substring(2), Map.of(id, name));
    return id;
  }

  @Override
  public Set<String> tags(String id) {
    return admin.servicesPerson(id).orElseThrow().tagIds();
  }

  @Override
  public void setTags(String id, Set<String> tagIds) {
    admin.assignTags(id, tagIds);
  }

  @Override
  public String servicesState(String id) {
    return admin.servicesPerson(id).map(s -> s.state().toString()).orElse(null);
  }

  @Override
  public void addToServices(String id, String permissions) {
    admin.addToServices(id, null);
    admin.setPermission(id, PermissionLevel.parse(permissions));
  }

  @Override
  public void setMe(String id) {
    pco.setMe(id);
  }

  @Override
  public void setOrganizationAdmin(String id) {
    pco.setSiteAdministrator(id, true);
  }

  @Override
  public String welcomeTemplateId() {
    return "welcome-1";
  }

  @Override
  public List<String> welcomeEmailRecipients() {
    return pco.welcomeEmails().stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
  }

  @Override
  public List<String> writes() {
    List<String> out = new ArrayList<>();
    for (Call c : pco.writes()) {
      out.add(path(c));
    }
    return out;
  }

  private static String path(Call c) {
    String t = c.target();
    switch (c.operation()) {
      case CREATE_PERSON:
        return "POST /people/v2/people";
      case UPDATE_PERSON:
        return "PATCH /people/v2/people/" + t;
      case DELETE_PERSON:
        return "DELETE /people/v2/people/" + t;
      case ADD_EMAIL:
        return "POST /people/v2/people/" + t + "/emails";
      case UPDATE_EMAIL:
        return "PATCH /people/v2/emails/" + t;
      case ADD_PHONE:
        return "POST /people/v2/people/" + t + "/phone_numbers";
      case UPDATE_PHONE:
        return "PATCH /people/v2/phone_numbers/" + t;
      case DELETE_PHONE:
        return "DELETE /people/v2/phone_numbers/" + t;
      case ADD_ADDRESS:
        return "POST /people/v2/people/" + t + "/addresses";
      case UPDATE_ADDRESS:
        return "PATCH /people/v2/addresses/" + t;
      case DELETE_ADDRESS:
        return "DELETE /people/v2/addresses/" + t;
      case SET_AVATAR:
        return "PATCH /people/v2/people/" + t;
      case ADD_TO_SERVICES:
        return "POST /people/v2/people/" + t + "/person_apps";
      case SET_PERMISSION:
      case ARCHIVE:
        return "PATCH /services/v2/people/" + t;
      case ASSIGN_TAGS:
        return "POST /services/v2/people/" + t + "/assign_tags";
      default:
        return c.toString();
    }
  }

  @Override
  public void clearRequests() {
    pco.clearCalls();
  }

  @Override
  public void loseNextCreateResponse() {
    pco.failNext(InMemoryPcoPort.Operation.CREATE_PERSON, true,
        new PcoOutcomeUnknownException("connection dropped after the request", null));
  }

  @Override
  public void failPersonPatches() {
    faulty.failPatches = true;
  }

  @Override
  public void rejectPersonCreates() {
    faulty.rejectCreates = true;
  }

  @Override
  public void rejectPhoneNumbersContaining(String text) {
    faulty.rejectPhone = text;
  }

  @Override
  public void heal() {
    faulty.failPatches = false;
    faulty.rejectPhone = null;
    faulty.rejectCreates = false;
  }

  @Override
  public void close() {}

  /** The in-memory port with a few persistent faults on top. */
  private static final class FaultPort extends ForwardingPcoPort {
    volatile boolean failPatches;
    volatile String rejectPhone;
    volatile boolean rejectCreates;
    private final InMemoryPcoPort pco;

    FaultPort(InMemoryPcoPort pco) {
      super(pco);
      this.pco = pco;
    }

    @Override
    public PortPerson updatePerson(String id, Map<PersonAttribute, String> attributes) {
      if (failPatches) {
        pco.failNext(InMemoryPcoPort.Operation.UPDATE_PERSON, false, new PcoUnavailableException("HTTP 500", null));
      }
      return super.updatePerson(id, attributes);
    }

    @Override
    public PortPerson createPerson(Map<PersonAttribute, String> attributes) {
      if (rejectCreates) {
        pco.failNext(InMemoryPcoPort.Operation.CREATE_PERSON, false, new PcoRejectedException(422, null, "is invalid"));
      }
      return super.createPerson(attributes);
    }

    @Override
    public PortPhone addPhone(String personId, String number, String location, boolean primary) {
      if (rejectPhone != null && number.contains(rejectPhone)) {
        pco.failNext(InMemoryPcoPort.Operation.ADD_PHONE, false, new PcoRejectedException(422, "number", "is invalid"));
      }
      return super.addPhone(personId, number, location, primary);
    }
  }
}
