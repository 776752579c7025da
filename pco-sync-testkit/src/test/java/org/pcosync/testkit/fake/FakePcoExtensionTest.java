package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pcosync.testkit.MutableClock;

final class FakePcoExtensionTest {

  @Nested
  @ExtendWith(FakePcoExtension.class)
  final class WithParameters {
    @Test
    void injectsAStartedFakeAndItsClock(FakePco pco, MutableClock clock) {
      assertThat(pco.clock()).isSameAs(clock);
      assertThat(new Http(pco).get("/people/v2/people").statusCode()).isEqualTo(200);
    }

    @Test
    void eachTestGetsAFreshFake(FakePco pco) {
      pco.people().addPerson(PersonSeed.of("Only", "Once"));

      assertThat(pco.people().count()).isEqualTo(1);
    }

    @Test
    void eachTestGetsAFreshFakeToo(FakePco pco) {
      pco.people().addPerson(PersonSeed.of("Only", "Once"));

      assertThat(pco.people().count()).isEqualTo(1);
    }
  }

  @Nested
  final class Registered {
    @RegisterExtension
    final FakePcoExtension fake = FakePcoExtension.configure(b -> b.credentials("a", "b").rateLimit(1, Duration.ofSeconds(20)));

    @Test
    void appliesTheConfiguration() {
      Http http = new Http(fake.pco());

      http.get("/people/v2/people");

      assertThat(http.get("/people/v2/people").statusCode()).isEqualTo(429);
      assertThat(fake.pco().appId()).isEqualTo("a");
    }

    @Test
    void exposesTheTestsClock() {
      fake.clock().advance(Duration.ofSeconds(20));

      assertThat(fake.pco().clock().instant()).isEqualTo(MutableClock.DEFAULT_START.plusSeconds(20));
    }
  }
}
