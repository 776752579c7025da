package org.pcosync.core.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.client.PcoClient;
import org.pcosync.core.port.ClientPcoPort;
import org.pcosync.core.port.PcoPort;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.Faults;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.fake.PhoneSeed;

/** {@link PcoWorld} over the fake PCO, through {@link ClientPcoPort} and the real client over HTTP. */
final class FakePcoWorld implements PcoWorld {
  private final FakePco fake;
  private final PcoPort port;
  private final java.util.List<Faults.FaultRule> rules = new java.util.ArrayList<>();

  FakePcoWorld(MutableClock clock) {
    this.fake = FakePco.builder().clock(clock).credentials("app", "secret").noRateLimit().build().start();
    PcoClient client = PcoClient.builder()
        .baseUrl(fake.baseUrl())
        .uploadBaseUrl(fake.uploadBaseUrl())
        .personalAccessToken("app", "secret")
        .clock(clock)
        .sleeper(clock::advance)
        .jitterSeed(1)
        .build();
    this.port = new ClientPcoPort(client);
  }

  FakePco fake() {
    return fake;
  }

  @Override
  public PcoPort port() {
    return port;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public String addPerson(String firstName, String lastName, String email) {
    PersonSeed.Builder b = PersonSeed.builder(firstName, lastName);
    if (email != null) {
      b.email(email);
    }
    return fake.people().addPerson(b.build());
  }

  @Override
  public String attribute(String id, String apiName) {
    return fake.people().person(id).flatMap(p -> p.attribute(apiName)).orElse(null);
  }

  @Override
  public void setAttribute(String id, String apiName, String value) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put(apiName, value);
    fake.people().updatePerson(id, m);
  }

  @Override
  public List<String> emails(String id) {
    return fake.people().person(id).orElseThrow().emailAddresses();
  }

  @Override
  public List<String> phones(String id) {
    return fake.people().person(id).orElseThrow().phoneNumberValues();
  }

  @Override
  public void addPhone(String id, String number, String location, boolean primary) {
    fake.people().addPhone(id, new PhoneSeed(number, location, primary));
  }

  @Override
  public int peopleCount() {
    return fake.people().count();
  }

  @Override
  public List<String> idsWithLastName(String lastName) {
    return fake.people().all().stream().filter(p -> lastName.equals(p.lastName())).map(p -> p.id()).toList();
  }

  @Override
  public String addTagGroup(String name) {
    return fake.services().addTagGroup(name);
  }

  @Override
  public String addTag(String groupId, String name) {
    return fake.services().addTag(groupId, name);
  }

  @Override
  public Set<String> tags(String id) {
    return fake.services().tagsOf(id);
  }

  @Override
  public void setTags(String id, Set<String> tagIds) {
    fake.services().setTags(id, tagIds);
  }

  @Override
  public String servicesState(String id) {
    return fake.services().person(id).map(s -> s.archived() ? "Archived" : s.permissions()).orElse(null);
  }

  @Override
  public void addToServices(String id, String permissions) {
    fake.services().addServicesPerson(id, permissions);
  }

  @Override
  public void setMe(String id) {
    fake.people().setMeId(id);
  }

  @Override
  public void setOrganizationAdmin(String id) {
    fake.people().setOrganizationAdmin(id, true);
    // the client cannot ask for filter=organization_admins yet: the engine sees site_administrator
    fake.people().updatePerson(id, Map.of("site_administrator", true));
  }

  @Override
  public String welcomeTemplateId() {
    return fake.services().addEmailTemplate("welcome", "Welcome to Services", "<p>Welcome!</p>");
  }

  @Override
  public List<String> welcomeEmailRecipients() {
    return fake.services().welcomeEmails().stream().map(w -> w.personId()).toList();
  }

  @Override
  public List<String> writes() {
    return fake.writes().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  @Override
  public void clearRequests() {
    fake.clearRequests();
  }

  @Override
  public void loseNextCreateResponse() {
    rules.add(fake.faults().on("POST", "/people/v2/people").times(1).dropConnectionAfterApply());
  }

  @Override
  public void failPersonPatches() {
    rules.add(fake.faults().on("PATCH", "/people/v2/people/[^/]+").always().respond(500));
  }

  @Override
  public void rejectPersonCreates() {
    rules.add(fake.faults().on("POST", "/people/v2/people").always().respond(422));
  }

  @Override
  public void rejectPhoneNumbersContaining(String text) {
    rules.add(fake.faults().on("POST", "/people/v2/people/[^/]+/phone_numbers").always().respond(422));
  }

  @Override
  public void heal() {
    rules.forEach(Faults.FaultRule::remove);
    rules.clear();
  }

  @Override
  public void close() {
    fake.close();
  }

}
