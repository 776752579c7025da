package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.internal.Fields;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortPerson;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * A seeded property: whatever both sides edit between runs, two runs make them agree on every
 * two-way field, and the run after that writes nothing.
 */
final class ConvergencePropertyTest {
  private static final int SEEDS = 40;
  private static final int PEOPLE = 6;
  private static final String[] MIDDLES = {null, "Ann", "Bo", "Cy"};
  private static final String[] LASTS = {"Decker", "Marble", "Simmons"};
  private static final String[] PHONES = {null, "555-010-1001", "(555) 010-1002", "+1 555 010 1003"};

  @Test
  void randomEditsOnBothSidesConvergeInTwoRunsAndTheThirdWritesNothing() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      runOnce(seed);
    }
  }

  private void runOnce(long seed) {
    Random random = new Random(seed);
    MutableClock clock = MutableClock.create();
    InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).pageSize(4).build();
    pco.setMe(pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "Me", PersonAttribute.LAST_NAME, "Admin")).id());
    HostFixture.Builder fixture = HostFixture.builder();
    String[] ids = new String[PEOPLE];
    for (int i = 0; i < PEOPLE; i++) {
      ids[i] = Integer.toString(i + 1);
      fixture.person(ids[i], PersonData.builder().firstName("P" + i).lastName(pick(random, LASTS))
          .middleName(pick(random, MIDDLES)).email("p" + i + "@example.org").phone(PhoneType.MOBILE, pick(random, PHONES))
          .build());
    }
    fixture.group("a", SyncGroup.permissionGroup("g", "G", PermissionLevel.VIEWER), ids);
    InMemoryHost host = InMemoryHost.of(fixture.build(), clock);
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    PcoSync sync = PcoSync.builder()
        .account(PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("x", "y"))
            .stoppagePercentage(100).build()) // random edits touch most people: no mass-change guard
        .people(host.people()).groups(host.groups()).tags(host.tags()).state(state).clock(clock).port(pco).build();
    sync.run();

    for (String id : ids) {
      String pcoId = state.linkByHost("a", id).map(Link::pcoPersonId).orElseThrow();
      if (random.nextBoolean()) {
        host.people().edit(id, d -> d.toBuilder().middleName(pick(random, MIDDLES))
            .phone(PhoneType.MOBILE, pick(random, PHONES)).birthdate(random.nextBoolean() ? LocalDate.of(1990, 1, 1 + random.nextInt(28)) : null)
            .build());
      }
      if (random.nextBoolean()) {
        Map<PersonAttribute, String> edit = new EnumMap<>(PersonAttribute.class);
        edit.put(PersonAttribute.MIDDLE_NAME, pick(random, MIDDLES));
        edit.put(PersonAttribute.LAST_NAME, pick(random, LASTS));
        pco.admin().updatePerson(pcoId, edit);
      }
    }
    clock.advance(Duration.ofMinutes(5));
    sync.run();
    clock.advance(Duration.ofMinutes(5));
    sync.run();
    pco.clearCalls();
    clock.advance(Duration.ofMinutes(5));

    SyncReport quiet = sync.run();

    assertThat(pco.writes()).as("seed %d: writes of the third run", seed).isEmpty();
    assertThat(quiet.failures()).as("seed %d", seed).isEmpty();
    for (String id : ids) {
      HostPerson h = host.people().findById(id).orElseThrow();
      PortPerson p = pco.admin().person(state.linkByHost("a", id).orElseThrow().pcoPersonId()).orElseThrow();
      FieldSnapshot hostSide = Fields.host(h, NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST).snapshot();
      FieldSnapshot pcoSide = Fields.pco(p, NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST).side().snapshot();
      assertThat(pcoSide).as("seed %d, person %s", seed, id).isEqualTo(hostSide);
    }
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

}
