package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 429 handling, the header-fed pacer and bounded concurrency, all on a virtual clock. */
final class RateLimitTest {
  private static final String PERSON = "{\"data\":" + Fixtures.person("1", "A", "2026-01-01T00:00:00Z") + "}";
  private static final String TOO_MANY =
      "{\"errors\":[{\"code\":\"429\",\"title\":\"Too May Requests\",\"detail\":\"Rate limit exceeded: 101 of 100 requests per 20 seconds\"}]}";

  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private PcoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientFactory.client(server, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse tooMany(String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder()
        .code(429)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("X-PCO-API-Request-Rate-Limit", "100")
        .addHeader("X-PCO-API-Request-Rate-Count", "101")
        .addHeader("X-PCO-API-Request-Rate-Period", "20 seconds")
        .body(TOO_MANY);
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  private static MockResponse ok(int limit, int count, String period) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/vnd.api+json")
        .addHeader("X-PCO-API-Request-Rate-Limit", Integer.toString(limit))
        .addHeader("X-PCO-API-Request-Rate-Count", Integer.toString(count))
        .addHeader("X-PCO-API-Request-Rate-Period", period)
        .body(PERSON)
        .build();
  }

  @Test
  void tooManyRequestsWaitsRetryAfterThenRetries() {
    server.enqueue(tooMany("7"));
    server.enqueue(Fixtures.json(PERSON));

    client.people().get("1");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7500));
  }

  @Test
  void tooManyRequestsWithoutRetryAfterWaitsOneSecond() {
    server.enqueue(tooMany(null));
    server.enqueue(Fixtures.json(PERSON));

    client.people().get("1");

    assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
  }

  @Test
  void negativeRetryAfterIsClampedToOneSecond() {
    server.enqueue(tooMany("-3"));
    server.enqueue(Fixtures.json(PERSON));

    client.people().get("1");

    assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
  }

  @Test
  void absurdRetryAfterIsClampedToTheMaximum() {
    client = client.newBuilder().maxRetryAfter(Duration.ofSeconds(60)).build();
    server.enqueue(tooMany("86400"));
    server.enqueue(Fixtures.json(PERSON));

    client.people().get("1");

    assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(60), Duration.ofMillis(60500));
  }

  @Test
  void exhaustedRetriesSurfaceRateLimitedExceptionWithRetryAfter() {
    client = client.newBuilder().maxRetries(2).build();
    server.enqueue(tooMany("5"));
    server.enqueue(tooMany("5"));
    server.enqueue(tooMany("9"));

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.people().get("1"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(9));
    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.errors()).extracting(PcoError::code).containsExactly("429");
    assertThat(e.errors().get(0).title()).isEqualTo("Too May Requests");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void createIsRetriedAfter429BecausePcoDidNotProcessIt() {
    server.enqueue(tooMany("2"));
    server.enqueue(Fixtures.json(201, PERSON));

    PcoPerson p = client.people().create(PersonAttributes.builder().firstName("A").build());

    assertThat(p.id()).isEqualTo("1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void jitterIsDeterministicForAGivenSeed() {
    server.enqueue(tooMany("3"));
    server.enqueue(Fixtures.json(PERSON));
    client.people().get("1");
    List<Duration> first = clock.sleeps();

    TestClock other = new TestClock();
    PcoClient again = ClientFactory.client(server, other);
    server.enqueue(tooMany("3"));
    server.enqueue(Fixtures.json(PERSON));
    again.people().get("1");

    assertThat(other.sleeps()).isEqualTo(first);
  }

  /** Records the virtual time at which each request arrived. */
  private List<Instant> recordArrivals(List<MockResponse> responses) {
    List<Instant> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger i = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(clock.instant());
        return responses.get(Math.min(i.getAndIncrement(), responses.size() - 1));
      }
    });
    return arrivals;
  }

  @Test
  void pacerWaitsForTheNextWindowWhenPcoReportsTheBudgetSpent() {
    List<Instant> arrivals = recordArrivals(List.of(ok(2, 1, "20 seconds"), ok(2, 2, "20 seconds"), ok(2, 1, "20")));

    client.people().get("1");
    client.people().get("1");
    client.people().get("1");

    assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isZero();
    assertThat(Duration.between(arrivals.get(0), arrivals.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void pacerKeepsOwnRequestsUnderTheAnnouncedLimit() {
    // PCO's count lags (other windows): the client's own sliding window still holds it to 3 per 20 s
    List<Instant> arrivals = recordArrivals(List.of(ok(3, 0, "20")));

    for (int i = 0; i < 7; i++) {
      client.people().get("1");
    }

    assertThat(arrivals).hasSize(7);
    for (int i = 3; i < arrivals.size(); i++) {
      assertThat(Duration.between(arrivals.get(i - 3), arrivals.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    }
  }

  @Test
  void pacerFollowsALimitThatDropsMidRun() {
    List<MockResponse> responses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      responses.add(ok(100, i + 1, "20"));
    }
    responses.add(ok(3, 0, "20")); // limit drops from 100 to 3 (count not yet over it)
    List<Instant> arrivals = recordArrivals(responses);

    for (int i = 0; i < 7; i++) {
      client.people().get("1");
    }

    // six requests went out at t=0; with 3 per 20 s the seventh must wait for the window
    assertThat(arrivals.subList(0, 6)).allMatch(t -> t.equals(TestClock.START));
    assertThat(Duration.between(TestClock.START, arrivals.get(6))).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void atMostMaxConcurrencyRequestsAreInFlight() throws Exception {
    PcoClient limited = client.newBuilder().maxConcurrency(2).build();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch twoArrived = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        twoArrived.countDown();
        release.await(10, TimeUnit.SECONDS);
        inFlight.decrementAndGet();
        return Fixtures.json(PERSON);
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<PcoPerson>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        futures.add(pool.submit(() -> limited.people().get("1")));
      }
      assertThat(twoArrived.await(10, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      for (Future<PcoPerson> f : futures) {
        assertThat(f.get(10, TimeUnit.SECONDS).id()).isEqualTo("1");
      }
    } finally {
      release.countDown();
      pool.shutdownNow();
    }

    assertThat(maxInFlight.get()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }
}
