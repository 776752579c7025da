package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncReport;
import org.pcosync.core.SyncSkip;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * The account option "edit contact fields of people who can log in" (DESIGN §3), written once and
 * run on the in-memory port and end to end on the fake PCO: a linked person who can log in edits
 * their email and mobile phone in the host.
 */
abstract class LoginUserScenarios {
  static final String ACCOUNT = "first-church";

  final MutableClock clock = MutableClock.create();
  final InMemorySyncStateStore state = new InMemorySyncStateStore();
  PcoWorld pco;
  InMemoryHost host;
  String tedPcoId;

  abstract PcoWorld newWorld(MutableClock clock);

  /** Gives a PCO person a login, as PCO does when they create one. */
  abstract void giveLogin(String pcoId, String loginIdentifier);

  @BeforeEach
  void linkTedWhoCanLogIn() {
    pco = newWorld(clock);
    pco.setMe(pco.addPerson("Sam", "Admin", "admin@church.example"));
    tedPcoId = pco.addPerson("Ted", "Decker", "ted@example.org");
    giveLogin(tedPcoId, "ted@example.org");
    host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
        .group(ACCOUNT, SyncGroup.permissionGroup("volunteers", "volunteers", PermissionLevel.SCHEDULED_VIEWER), "1")
        .build(), clock);
    run(account(true));
    assertThat(state.linkByHost(ACCOUNT, "1").map(Link::pcoPersonId)).contains(tedPcoId);
    host.people().edit("1", d -> d.toBuilder().lastName("Decker-Smith").email("ted.new@example.org")
        .phone(PhoneType.MOBILE, "2065550199").build());
    pco.clearRequests();
  }

  @AfterEach
  void stopPco() {
    pco.close();
  }

  PcoAccount account(boolean editContactFieldsOfLoginUsers) {
    return PcoAccount.builder(ACCOUNT).credentials(PcoCredentials.personalAccessToken("app", "secret"))
        .baseUrl(URI.create(pco.baseUrl())).stoppagePercentage(100)
        .editContactFieldsOfLoginUsers(editContactFieldsOfLoginUsers).build();
  }

  SyncReport run(PcoAccount account) {
    clock.advance(Duration.ofMinutes(5));
    return PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(pco.port()).build().run();
  }

  @Test
  void optionOffLeavesTheContactFieldsOfAPersonWhoCanLogInAndStillSyncsTheirName() {
    run(account(false));

    assertThat(pco.writes()).noneMatch(w -> w.contains("/emails") || w.contains("/phone_numbers"))
        .contains("PATCH /people/v2/people/" + tedPcoId);
    assertThat(pco.emails(tedPcoId)).containsExactly("ted@example.org");
    assertThat(pco.phones(tedPcoId)).isEmpty();
    assertThat(pco.attribute(tedPcoId, "last_name")).isEqualTo("Decker-Smith");
  }

  @Test
  void optionOffReportsEachSkippedContactFieldWithThePerson() {
    SyncReport report = run(account(false));

    assertThat(report.skipped()).extracting(SyncSkip::hostPersonId).containsOnly("1");
    assertThat(report.skipped()).extracting(SyncSkip::pcoPersonId).containsOnly(tedPcoId);
    assertThat(report.skipped()).extracting(SyncSkip::reason)
        .anySatisfy(r -> assertThat(r).startsWith("EMAIL not written"))
        .anySatisfy(r -> assertThat(r).startsWith("MOBILE_PHONE not written"))
        .hasSize(2);
  }

  @Test
  void optionOnWritesTheContactFieldsOfAPersonWhoCanLogIn() {
    SyncReport report = run(account(true));

    assertThat(pco.emails(tedPcoId)).contains("ted.new@example.org");
    assertThat(pco.phones(tedPcoId)).singleElement().satisfies(n -> assertThat(n.replaceAll("\\D", "")).isEqualTo("2065550199"));
    assertThat(report.skipped()).isEmpty();
  }
}
