package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Scripted failures of a {@link FakePco}: pick requests by method and path pattern, choose which of
 * the matching requests fail, then what happens to them.
 *
 * <pre>{@code
 * fake.faults().on("POST", "/people/v2/people").nth(2).respond(503);
 * fake.faults().on("GET", "/people/v2/people.*").storm429(5);
 * fake.faults().on("PATCH", "/people/v2/people/\\d+").times(1).dropConnectionAfterApply();
 * fake.faults().on("GET", ".*").always().delay(Duration.ofSeconds(3)); // advances the virtual clock
 * }</pre>
 *
 * <p>Rules are checked in the order they were added; the first rule that fires wins. A fault counts
 * towards the rate limit like any request. Thread-safe.
 */
public final class Faults {
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

  Faults() {}

  /**
   * Starts a rule for requests whose method equals {@code method} ({@code "*"} for any) and whose
   * path fully matches {@code pathRegex}. Without {@link FaultRule#nth}, {@link FaultRule#times} or
   * {@link FaultRule#always} the rule fires on every match.
   */
  public FaultRule on(String method, String pathRegex) {
    requireNonNull(method, "method == null");
    requireNonNull(pathRegex, "pathRegex == null");
    FaultRule rule = new FaultRule(this, method, Pattern.compile(pathRegex));
    return rule;
  }

  void arm(FaultRule rule) {
    if (!rules.contains(rule)) {
      rules.add(rule);
    }
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  void remove(FaultRule rule) {
    rules.remove(rule);
  }

  /** The first armed rule that fires for this request, counting the request against each matching rule. */
  FaultRule fire(String method, String path) {
    FaultRule hit = null;
    for (FaultRule r : rules) {
      if (r.matches(method, path) && r.count() && hit == null) {
        hit = r;
      }
    }
    return hit;
  }

  /** What a fired rule does. */
  enum Kind { RESPOND, STORM_429, DELAY, BLOCK, DROP_AFTER_APPLY, TRUNCATE, MALFORMED }

  /**
   * One fault rule; selection methods return this rule, action methods arm it. Thread-safe.
   */
  public static final class FaultRule {
    private final Faults owner;
    private final String method;
    private final Pattern path;
    private int nth;
    private int times = -1;
    private int matched;
    private int hits;
    private Kind kind;
    private int status;
    private Duration duration = Duration.ZERO;
    private CountDownLatch latch;

    FaultRule(Faults owner, String method, Pattern path) {
      this.owner = owner;
      this.method = method;
      this.path = path;
    }

    /** Fires only on the {@code k}-th matching request (1-based). */
    public synchronized FaultRule nth(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("k < 1: " + k);
      }
      this.nth = k;
      this.times = -1;
      return this;
    }

    /** Fires on the first {@code n} matching requests. */
    public synchronized FaultRule times(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("n < 1: " + n);
      }
      this.times = n;
      this.nth = 0;
      return this;
    }

    /** Fires on every matching request (the default). */
    public synchronized FaultRule always() {
      this.nth = 0;
      this.times = -1;
      return this;
    }

    /** Answers with {@code status} (e.g. 500, 502, 503) without applying the request. */
    public FaultRule respond(int status) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
      }
      return arm(Kind.RESPOND, status, Duration.ZERO, null);
    }

    /** The next {@code n} matching requests get 429 with {@code Retry-After: 1}, not applied. */
    public FaultRule storm429(int n) {
      return storm429(n, Duration.ofSeconds(1));
    }

    /** The next {@code n} matching requests get 429 with the given {@code Retry-After}, not applied. */
    public FaultRule storm429(int n, Duration retryAfter) {
      requireNonNull(retryAfter, "retryAfter == null");
      times(n);
      return arm(Kind.STORM_429, 429, retryAfter, null);
    }

    /** Advances the fake's virtual clock by {@code delay} before answering normally. */
    public FaultRule delay(Duration delay) {
      requireNonNull(delay, "delay == null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay < 0");
      }
      return arm(Kind.DELAY, 0, delay, null);
    }

    /**
     * Holds the request until the test counts {@code latch} down (at most 30 real seconds), then
     * answers normally: for tests of in-flight behaviour.
     */
    public FaultRule blockUntil(CountDownLatch latch) {
      requireNonNull(latch, "latch == null");
      return arm(Kind.BLOCK, 0, Duration.ZERO, latch);
    }

    /** Applies the request, then closes the connection without sending a response. */
    public FaultRule dropConnectionAfterApply() {
      return arm(Kind.DROP_AFTER_APPLY, 0, Duration.ZERO, null);
    }

    /** Applies the request and sends only the first half of the body (Content-Length stays whole). */
    public FaultRule truncateBody() {
      return arm(Kind.TRUNCATE, 0, Duration.ZERO, null);
    }

    /** Applies the request and answers its status with a body that is not valid JSON. */
    public FaultRule malformedBody() {
      return arm(Kind.MALFORMED, 0, Duration.ZERO, null);
    }

    /** How many requests this rule has fired on. */
    public synchronized int hits() {
      return hits;
    }

    /** Disarms this rule. */
    public void remove() {
      owner.remove(this);
    }

    private FaultRule arm(Kind kind, int status, Duration duration, CountDownLatch latch) {
      synchronized (this) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.latch = latch;
      }
      owner.arm(this);
      return this;
    }

    boolean matches(String m, String p) {
      return (method.equals("*") || method.equalsIgnoreCase(m)) && path.matcher(p).matches();
    }

    /** Counts a matching request; true when the rule fires on it. */
    synchronized boolean count() {
      matched++;
      boolean fires = nth > 0 ? matched == nth : times < 0 || matched <= times;
      if (fires) {
        hits++;
      }
      return fires;
    }

    synchronized Kind kind() {
      return kind;
    }

    synchronized int status() {
      return status;
    }

    synchronized Duration duration() {
      return duration;
    }

    synchronized CountDownLatch latch() {
      return latch;
    }
  }
}
