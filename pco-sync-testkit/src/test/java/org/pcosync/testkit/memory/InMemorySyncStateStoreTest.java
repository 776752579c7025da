package org.pcosync.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pcosync.api.Link;

/** {@link InMemorySyncStateStore} beyond the contract: databases are separate, bad ttls refused. */
final class InMemorySyncStateStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  @Test
  void storesOverDifferentDatabasesShareNothing() {
    InMemorySyncStateStore a = new InMemorySyncStateStore();
    InMemorySyncStateStore b = new InMemorySyncStateStore();
    a.saveLink(Link.create("church-1", "h1", "pco-1", T0));
    a.tryAcquireLease("church-1", "machine-a", T0, Duration.ofMinutes(5));

    assertThat(b.links("church-1")).isEmpty();
    assertThat(b.tryAcquireLease("church-1", "machine-b", T0, Duration.ofMinutes(5))).isPresent();
  }

  @Test
  void aStoreOverTheSameDatabaseSharesIt() {
    InMemorySyncStateStore a = new InMemorySyncStateStore();

    InMemorySyncStateStore b = new InMemorySyncStateStore(a.database());

    a.saveCheckpoint("church-1", "import", "7");
    assertThat(b.checkpoint("church-1", "import")).contains("7");
  }

  @Test
  void aZeroTtlIsRefused() {
    InMemorySyncStateStore store = new InMemorySyncStateStore();

    assertThatThrownBy(() -> store.tryAcquireLease("church-1", "machine-a", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExpiredLeaseNobodyTookIsRenewed() {
    InMemorySyncStateStore store = new InMemorySyncStateStore();
    var lease = store.tryAcquireLease("church-1", "machine-a", T0, Duration.ofMinutes(5)).orElseThrow();

    assertThat(store.renewLease(lease, T0.plusSeconds(600), Duration.ofMinutes(5)))
        .map(l -> l.expiresAt()).contains(T0.plusSeconds(900));
  }

  @Test
  void theSameOwnerDoesNotGetASecondLeaseWhileHoldingOne() {
    InMemorySyncStateStore store = new InMemorySyncStateStore();
    store.tryAcquireLease("church-1", "machine-a", T0, Duration.ofMinutes(5));

    assertThat(store.tryAcquireLease("church-1", "machine-a", T0.plusSeconds(1), Duration.ofMinutes(5))).isEmpty();
  }
}
