package org.pcosync.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.ServicesState;
import org.pcosync.client.PcoClient;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.fake.PhoneSeed;

/** The port over the real client against the fake PCO: mapping and the three failure outcomes. */
final class ClientPcoPortTest {
  private final MutableClock clock = MutableClock.create();
  private final FakePco fake = FakePco.builder().clock(clock).credentials("app", "secret").noRateLimit().build().start();

  private ClientPcoPort port(String secret) {
    return new ClientPcoPort(PcoClient.builder().baseUrl(fake.baseUrl()).uploadBaseUrl(fake.uploadBaseUrl())
        .personalAccessToken("app", secret).clock(clock).sleeper(clock::advance).jitterSeed(1).maxRetries(1).build());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void readsAPersonWithEmailsAndPhones() {
    String id = fake.people().addPerson(PersonSeed.builder("Ted", "Decker").nickname("Teddy")
        .email("ted@example.org").phone(new PhoneSeed("(623) 555-0101", "Mobile", true)).build());

    PortPerson p = port("secret").person(id).orElseThrow();

    assertThat(p.firstName()).isEqualTo("Ted");
    assertThat(p.nickname()).isEqualTo("Teddy");
    assertThat(p.emails()).extracting(PortEmail::address).containsExactly("ted@example.org");
    assertThat(p.phones()).extracting(PortPhone::location).containsExactly("Mobile");
  }

  @Test
  void missingPersonIsEmpty() {
    assertThat(port("secret").person("999999")).isEmpty();
  }

  @Test
  void validationErrorIsARejectionNamingTheAttribute() {
    String id = fake.people().addPerson(PersonSeed.of("Ted", "Decker"));

    assertThatThrownBy(() -> port("secret").addEmail(id, "not an email", "Home", true))
        .isInstanceOfSatisfying(PcoRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.code()).isEqualTo(ErrorCode.PCO_REJECTED);
        });
  }

  @Test
  void serverErrorAfterRetriesIsUnavailable() {
    String id = fake.people().addPerson(PersonSeed.of("Ted", "Decker"));
    fake.faults().on("PATCH", "/people/v2/people/" + id).always().respond(500);

    assertThatThrownBy(() -> port("secret").updatePerson(id, Map.of(PersonAttribute.MIDDLE_NAME, "Q")))
        .isInstanceOf(PcoUnavailableException.class);
  }

  @Test
  void lostResponseToACreateIsOutcomeUnknownAndThePersonExists() {
    fake.faults().on("POST", "/people/v2/people").times(1).dropConnectionAfterApply();

    assertThatThrownBy(() -> port("secret").createPerson(Map.of(PersonAttribute.FIRST_NAME, "Jimmy",
        PersonAttribute.LAST_NAME, "Parker"))).isInstanceOf(PcoOutcomeUnknownException.class);
    assertThat(fake.people().count()).isEqualTo(1);
  }

  @Test
  void badCredentialsAreAnAuthenticationError() {
    assertThatThrownBy(() -> port("wrong").meId())
        .isInstanceOfSatisfying(PcoSyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PCO_AUTHENTICATION));
  }

  @Test
  void servicesPeopleAreReadNewestFirstAndStopAtUpdatedSince() {
    String old = fake.people().addPerson(PersonSeed.of("Old", "One"));
    fake.services().addServicesPerson(old, "Viewer");
    clock.advance(Duration.ofHours(1));
    java.time.Instant since = clock.instant();
    clock.advance(Duration.ofHours(1));
    String recent = fake.people().addPerson(PersonSeed.of("New", "One"));
    fake.services().addServicesPerson(recent, "Editor");

    assertThat(port("secret").servicesPeople(since)).extracting(PortServicesPerson::id).containsExactly(recent);
    assertThat(port("secret").servicesPeople(null)).extracting(PortServicesPerson::state)
        .containsExactly(ServicesState.active(PermissionLevel.EDITOR), ServicesState.active(PermissionLevel.VIEWER));
  }
}
