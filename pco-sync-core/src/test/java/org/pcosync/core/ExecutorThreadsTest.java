package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.pcosync.api.HostPerson;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

final class ExecutorThreadsTest {

  /** Records which threads call the host's person repository. */
  private static final class ThreadRecordingPeople implements PersonRepository {
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final PersonRepository d;

    ThreadRecordingPeople(PersonRepository d) {
      this.d = d;
    }

    @Override
    public Optional<HostPerson> findById(String id) {
      threads.add(Thread.currentThread());
      return d.findById(id);
    }

    @Override
    public Optional<HostPerson> findByStableId(String stableId) {
      threads.add(Thread.currentThread());
      return d.findByStableId(stableId);
    }

    @Override
    public Map<String, HostPerson> findByIds(Collection<String> ids) {
      threads.add(Thread.currentThread());
      return d.findByIds(ids);
    }

    @Override
    public List<HostPerson> findByEmail(String email) {
      threads.add(Thread.currentThread());
      return d.findByEmail(email);
    }

    @Override
    public HostPerson create(PersonData data, String connectionStatus) {
      threads.add(Thread.currentThread());
      return d.create(data, connectionStatus);
    }

    @Override
    public HostPerson update(String id, PersonChanges changes) {
      threads.add(Thread.currentThread());
      return d.update(id, changes);
    }
  }

  @Test
  void pcoRequestsRunOnTheExecutorWhileHostCallsStayOnTheCallingThread() throws Exception {
    MutableClock clock = MutableClock.create();
    InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).build();
    pco.setMe(pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "Me", PersonAttribute.LAST_NAME, "Admin")).id());
    HostFixture.Builder fixture = HostFixture.builder();
    String[] ids = new String[40];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Integer.toString(i + 1);
      fixture.person(ids[i], PersonData.builder().firstName("P" + i).lastName("L").email("p" + i + "@example.org").build());
    }
    fixture.group("a", SyncGroup.permissionGroup("g", "G", PermissionLevel.VIEWER), ids);
    InMemoryHost host = InMemoryHost.of(fixture.build(), clock);
    ThreadRecordingPeople people = new ThreadRecordingPeople(host.people());
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      PcoSync sync = PcoSync.builder()
          .account(PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("x", "y")).build())
          .people(people).groups(host.groups()).tags(host.tags()).state(state).clock(clock).port(pco)
          .executor(executor).build();
      sync.run();
      for (String id : ids) {
        pco.admin().updatePerson(state.linkByHost("a", id).orElseThrow().pcoPersonId(),
            Map.of(PersonAttribute.MIDDLE_NAME, "M" + id));
      }

      SyncReport report = sync.run();

      assertThat(report.updated()).hasSize(ids.length);
      assertThat(people.threads).containsExactly(Thread.currentThread());
      assertThat(state.links("a")).hasSize(ids.length);
    } finally {
      executor.shutdownNow();
    }
  }
}
