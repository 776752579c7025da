package org.pcosync.examples.host;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.pcosync.testkit.memory.HostFixture;

/** Builds a fresh sample host database holding a contract-kit fixture. */
final class SampleHosts {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private SampleHosts() {}

  static SampleHostDatabase seeded(HostFixture fixture, Clock clock) {
    SampleHostDatabase db = SampleHostDatabase.inMemory("contract-" + NEXT.incrementAndGet(), clock);
    db.importPeople(fixture.people());
    for (HostFixture.Group g : fixture.groups()) {
      long id = Long.parseLong(g.id());
      db.importGroup(id, g.group().name());
      if (g.accountId() != null) {
        db.syncGroup(id, g.accountId(), g.group().permissionLevel(), g.group().linkedTagIds().toArray(String[]::new));
      }
      g.activeMemberIds().forEach(m -> db.addMember(id, Long.parseLong(m)));
      g.inactiveMemberIds().forEach(m -> db.addInactiveMember(id, Long.parseLong(m)));
    }
    fixture.selectedTags().forEach(
        (account, byPerson) -> byPerson.forEach((person, tags) -> db.selectTags(Long.parseLong(person), account, tags)));
    return db;
  }
}
