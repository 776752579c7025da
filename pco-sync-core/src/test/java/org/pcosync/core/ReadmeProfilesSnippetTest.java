package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.SyncProfile;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * Keeps README-profiles.md's snippets compiling and working against the fake PCO: each marked
 * block below is one snippet, and the last test checks the README shows them verbatim.
 */
final class ReadmeProfilesSnippetTest {
  private final MutableClock clock = MutableClock.create();
  private final FakePco pco = FakePco.builder().clock(clock).noRateLimit().build().start();
  private final InMemoryHost host = InMemoryHost.of(HostFixture.builder()
      .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
      .group("first-church", SyncGroup.permissionGroup("volunteers", "Volunteers", PermissionLevel.SCHEDULED_VIEWER), "1")
      .group(null, SyncGroup.permissionGroup("pco-editors", "PCO editors", PermissionLevel.EDITOR))
      .build(), clock);
  private final PersonRepository people = host.people();
  private final GroupRepository groups = host.groups();
  private final TagAttributeStore tags = host.tags();
  private final InMemorySyncStateStore state = new InMemorySyncStateStore();
  private final PcoAccount church = PcoAccount.builder("first-church")
      .credentials(PcoCredentials.personalAccessToken(pco.appId(), pco.secret()))
      .baseUrl(URI.create(pco.baseUrl()))
      .build();

  ReadmeProfilesSnippetTest() {
    pco.people().setMeId(pco.people().addPerson(PersonSeed.of("Sam", "Admin")));
  }

  @AfterEach
  void stopPco() {
    pco.close();
  }

  @Test
  void pushSnippetCreatesTheGroupMember() {
    // ---- snippet: push ----
    PcoAccount push = church.toBuilder()
        .profile(SyncProfile.push())                                // sync-group members with an email, People only
        .nameMapping(NameMapping.FIRST_TO_FIRST_NICK_TO_NICKNAME)   // host first name -> PCO first_name
        .build();
    PcoSync sync = PcoSync.builder().account(push).people(people).groups(groups).tags(tags).state(state).build();
    SyncReport report = sync.run();                                 // a job every 15 min; sync.syncPerson(id) on edits
    report.skipped().forEach(System.out::println);                  // members without a valid email
    // ---- end of snippet ----

    assertThat(report.created()).hasSize(1);
  }

  @Test
  void formPushSnippetCreatesThePerson() {
    // ---- snippet: form push ----
    PcoSync forms = PcoSync.builder().account(church.toBuilder().profile(SyncProfile.formPush()).build())
        .people(people).groups(groups).tags(tags).state(state).build();
    ContactResult r = forms.pushContact(ContactSubmission.builder("Jimmy", "Parker", "jimmy.parker@example.org")
        .phone(PhoneType.MOBILE, "623-555-0101").birthdate(LocalDate.of(1990, 4, 2)).build());
    System.out.println(r.outcome() + " " + r.pcoPersonId() + " added " + r.added() + " skipped " + r.skipped());
    // ---- end of snippet ----

    assertThat(r.outcome()).isEqualTo(ContactResult.Outcome.CREATED);
  }

  @Test
  void lookupRegisterSnippetRegistersANewcomer() {
    // ---- snippet: lookup + register ----
    PcoSync prayer = PcoSync.builder().account(church.toBuilder().profile(SyncProfile.lookupRegister()).build())
        .people(people).groups(groups).tags(tags).state(state).build();
    List<PcoPersonProfile> found = prayer.lookupByEmail("ann@example.org");  // prefill the sign-in form
    String pcoId = found.isEmpty()                                            // new here: create in PCO
        ? prayer.register(PersonData.builder().firstName("Ann").lastName("Lee").email("ann@example.org").build()).pcoPersonId()
        : found.get(0).pcoPersonId();
    // ---- end of snippet ----

    assertThat(pco.people().person(pcoId)).isPresent();
  }

  @Test
  void importSnippetImportsEveryone() {
    // ---- snippet: import ----
    PcoAccount rock = church.toBuilder().defaultConnectionStatus("Visitor")
        .importGroup(PermissionLevel.EDITOR, "pco-editors").build();  // a host group per level to import
    ImportReport imported = PcoSync.builder().account(rock).people(people).groups(groups).tags(tags).state(state)
        .build().importFromPco();                                      // stopped early? call again: it resumes
    System.out.println(imported.summary());
    // ---- end of snippet ----

    assertThat(imported.complete()).isTrue();
    assertThat(imported.created()).isEqualTo(1);
  }

  @Test
  void readmeShowsEverySnippetOfThisTest() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/pcosync/core/ReadmeProfilesSnippetTest.java"));
    String readme = Files.readString(Path.of("README-profiles.md"));
    List<String> snippets = new ArrayList<>();
    for (String block : source.split("// ---- snippet: ")) {
      int end = block.indexOf("    // ---- end of snippet ----");
      if (end > 0 && !block.startsWith("\"")) {
        String body = block.substring(block.indexOf('\n') + 1, end);
        snippets.add(body.replaceAll("(?m)^ {4}", "").stripTrailing());
      }
    }

    assertThat(snippets).hasSize(4).allSatisfy(s -> assertThat(readme).contains(s));
  }
}
