package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.RunMode;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.client.PcoClient;
import org.pcosync.client.Sleeper;
import org.pcosync.client.TokenListener;
import org.pcosync.core.admin.PcoSyncAdmin;
import org.pcosync.core.internal.Admin;
import org.pcosync.core.internal.ContactPush;
import org.pcosync.core.internal.Engine;
import org.pcosync.core.internal.Importer;
import org.pcosync.core.internal.Listeners;
import org.pcosync.core.internal.WebhookRouter;
import org.pcosync.core.port.ClientPcoPort;
import org.pcosync.core.port.PcoPort;

/**
 * Syncs one PCO account with the host: the entry point of pco-sync. Build one per account; any
 * number of accounts run independently (all their state lives in the {@link SyncStateStore}).
 *
 * <pre>{@code
 * PcoSync sync = PcoSync.builder()
 *     .account(account)                       // PcoAccount: credentials, profile, options
 *     .people(personRepository)               // the host's SPI implementations
 *     .groups(groupRepository)
 *     .tags(tagAttributeStore)
 *     .state(syncStateStore)
 *     .build();
 * SyncPlan plan = sync.dryRun();              // what a run would do; writes nothing
 * SyncReport report = sync.run();             // plan + apply, under the account's run lease
 * sync.syncPerson("42");                      // after a host edit of person 42
 * sync.admin().revert(report.journalId());    // held plans, conflicts, status, revert: the admin facade
 * }</pre>
 *
 * <p>Beyond scheduled runs: {@link #handleWebhook} turns signed PCO deliveries into single-person
 * syncs; {@link #pushContact}, {@link #lookupByEmail} and {@link #register} serve the form-push and
 * lookup/register profiles; {@link #importFromPco} imports PCO's people into the host once.
 *
 * <p>A run takes the account's lease from the state store; a second concurrent run of the same
 * account (in this process or another sharing the store) fails fast with
 * {@link SyncAlreadyRunningException}. Host SPIs are called from the calling thread only; PCO
 * requests of different people may run concurrently on the {@linkplain Builder#executor executor}.
 *
 * <p>Thread-safe; share one instance per account.
 */
public final class PcoSync {

  private final PcoAccount account;
  private final PcoPort port;
  private final Engine engine;
  private final PcoSyncAdmin admin;
  private final WebhookRouter webhooks;
  private final ContactPush contacts;
  private final java.util.function.Supplier<Importer> importer;

  private PcoSync(Builder b) {
    this.account = requireNonNull(b.account, "account == null");
    requireNonNull(b.people, "people == null");
    requireNonNull(b.groups, "groups == null");
    requireNonNull(b.tags, "tags == null");
    requireNonNull(b.state, "state == null");
    this.port = b.port != null ? b.port : defaultPort(b);
    this.engine = new Engine(account, port, b.people, b.groups, b.tags, b.state, b.clock, b.executor,
        new Listeners(b.listener), b.leaseOwner != null ? b.leaseOwner : Engine.defaultOwner(), b.leaseTtl);
    this.admin = new Admin(account, port, b.people, b.groups, b.tags, b.state, b.clock, engine);
    this.webhooks = new WebhookRouter(account, port, b.people, b.state, engine);
    this.contacts = new ContactPush(account, port, b.people, b.tags, b.state, b.clock);
    PersonRepository people = b.people;
    GroupRepository groups = b.groups;
    SyncStateStore state = b.state;
    Clock clock = b.clock;
    this.importer = () -> new Importer(account, port, people, groups, state, clock);
  }

  private static PcoPort defaultPort(Builder b) {
    PcoClient client = b.client != null ? b.client
        : ClientPcoPort.clientFor(b.account, b.clock, b.sleeper, b.tokenListener, b.okHttpClient);
    return new ClientPcoPort(client);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the account this instance syncs. */
  public PcoAccount account() {
    return account;
  }

  /** Returns the PCO port in use. */
  public PcoPort port() {
    return port;
  }

  /**
   * Reads both sides and returns what a run in the account's {@linkplain PcoAccount#runMode() mode}
   * would do. Writes nothing, takes no lease.
   */
  public SyncPlan plan() {
    return plan(account.runMode());
  }

  /** Reads both sides and returns what a run in {@code mode} would do; writes nothing. */
  public SyncPlan plan(RunMode mode) {
    return engine.plan(requireNonNull(mode, "mode == null"));
  }

  /** Same as {@link #plan()}: a dry run returns the plan without applying it. */
  public SyncPlan dryRun() {
    return plan();
  }

  /**
   * Runs the account's sync in its configured mode: lease, read, plan, apply, save the cursor.
   *
   * @throws SyncAlreadyRunningException when another run holds the account's lease
   */
  public SyncReport run() {
    return run(account.runMode());
  }

  /**
   * Runs the sync in {@code mode}.
   *
   * @throws SyncAlreadyRunningException when another run holds the account's lease
   */
  public SyncReport run(RunMode mode) {
    return engine.run(requireNonNull(mode, "mode == null"));
  }

  /**
   * Applies a plan made earlier by {@link #plan()} (e.g. one an admin reviewed). Bases move only
   * for writes that succeed; the updates-only cursor is not moved.
   *
   * @throws SyncAlreadyRunningException when another run holds the account's lease
   */
  public SyncReport apply(SyncPlan plan) {
    return engine.apply(plan);
  }

  /**
   * Syncs one host person now (after a host edit, or when they joined a group), from fresh reads of
   * both sides.
   *
   * @param hostPersonId the host person's current id
   * @throws SyncAlreadyRunningException when another run holds the account's lease
   */
  public SyncReport syncPerson(String hostPersonId) {
    return engine.syncPerson(requireNonNull(hostPersonId, "hostPersonId == null"));
  }

  /** Returns the plan {@link #syncPerson} would apply; writes nothing. */
  public SyncPlan planPerson(String hostPersonId) {
    return engine.planPerson(requireNonNull(hostPersonId, "hostPersonId == null"));
  }

  /**
   * Pushes a web-form submission to PCO People now (the form-push profile): finds the PCO person by
   * name and email (DESIGN §6) or creates one, then writes what the account's profile allows —
   * with {@link org.pcosync.api.SyncProfile#formPush()} phone numbers, the address and the email
   * are added when missing (never overwritten) and gender and birthdate filled only when empty.
   * Takes no run lease (a running job never blocks a form); two pushes of one email in this
   * process run one after the other. No Services request is made.
   *
   * <pre>{@code
   * ContactResult r = sync.pushContact(ContactSubmission.builder("Jimmy", "Parker", "jimmy@example.org")
   *     .phone(PhoneType.MOBILE, "623-555-0101").build());
   * }</pre>
   *
   * @throws org.pcosync.api.PcoSyncException with {@link org.pcosync.api.ErrorCode#CONFIGURATION}
   *     when the account's profile writes the host or enables Services
   */
  public ContactResult pushContact(ContactSubmission submission) {
    return contacts.push(requireNonNull(submission, "submission == null"));
  }

  /**
   * Returns the PCO people holding this email (spouses may share one), as profile data for
   * prefilling a sign-in form (the lookup + register profile): the fields the account's profile
   * syncs, names by its name mapping. Reads PCO only; writes nothing.
   *
   * <pre>{@code
   * List<PcoPersonProfile> found = sync.lookupByEmail("jimmy@example.org");
   * }</pre>
   *
   * @throws org.pcosync.api.InvalidValueException naming {@code "email"} when it is no email address
   */
  public java.util.List<PcoPersonProfile> lookupByEmail(String email) {
    return contacts.lookup(email);
  }

  /**
   * Registers a person who signed up: returns the PCO person matching name and email (§6), or
   * creates one (with a create intent, so a retry after a crash finds it). An existing person is
   * never changed. No Services request is made.
   *
   * <pre>{@code
   * ContactResult r = sync.register(PersonData.builder().firstName("Ann").lastName("Lee")
   *     .email("ann@example.org").build());
   * String pcoId = r.pcoPersonId();
   * }</pre>
   *
   * @throws org.pcosync.api.InvalidValueException naming the field: no valid email, no last name,
   *     no first name or nickname, a malformed phone
   * @throws org.pcosync.api.PcoSyncException with {@link org.pcosync.api.ErrorCode#CONFIGURATION}
   *     when the account's profile enables Services
   */
  public ContactResult register(org.pcosync.api.PersonData person) {
    return contacts.register(requireNonNull(person, "person == null"));
  }

  /**
   * Imports PCO people into the host, once (DESIGN §8): every PCO person not yet linked is matched
   * to a host person (email, first and last name) or created with the account's
   * {@linkplain PcoAccount#defaultConnectionStatus() default connection status}, added to the
   * {@linkplain PcoAccount#importGroupIds() import group} of their Services level, and linked.
   * Resumable: an import that stopped (PCO unavailable, a crash) continues from its checkpoint on
   * the next call, without importing anyone twice.
   *
   * <pre>{@code
   * ImportReport r = sync.importFromPco();
   * log.info("{}", r.summary());
   * }</pre>
   *
   * @throws SyncAlreadyRunningException when a run holds the account's lease
   */
  public ImportReport importFromPco() {
    return engine.underRenewedLease(heartbeat -> importer.get().run(heartbeat));
  }

  /**
   * Handles one webhook POST from PCO (DESIGN §10): verifies its signature, then turns each event
   * into a targeted sync, so PCO edits reach the host in seconds. {@code person.updated} of a linked
   * person syncs that host person ({@link #syncPerson}); {@code person.created} is ignored (the host
   * is the master: the next run's matching links a new PCO person); {@code person.destroyed} of a
   * linked person is reported as a broken link, host data kept; {@code person_merger.created} moves
   * the link to the kept person as a run does, then syncs it. See {@code README-webhooks.md}.
   *
   * <pre>{@code
   * byte[] body = request.getInputStream().readAllBytes();          // the raw bytes
   * String secret = secrets.get(request.getHeader("X-PCO-Webhooks-Name")); // one per subscription
   * WebhookResult result = sync.handleWebhook(body, request.getHeader("X-PCO-Webhooks-Authenticity"), secret);
   * response.setStatus(result.shouldRedeliver() ? 503 : 200);
   * }</pre>
   *
   * @param rawBody the request body exactly as received
   * @param authenticitySignature the {@code X-PCO-Webhooks-Authenticity} header; nullable (refused)
   * @param webhookSecret the subscription's {@code authenticity_secret}; never logged
   * @return an outcome per event delivery
   * @throws WebhookRejectedException when the signature does not verify (nothing is read or
   *     synced) or the body is no PCO delivery
   */
  public WebhookResult handleWebhook(byte[] rawBody, String authenticitySignature, String webhookSecret) {
    return webhooks.handle(requireNonNull(rawBody, "rawBody == null"), authenticitySignature,
        requireNonNull(webhookSecret, "webhookSecret == null"));
  }

  /**
   * Returns the account's admin operations: status, links by hand, deletes, held plans, conflicts
   * held for review, revert.
   */
  public PcoSyncAdmin admin() {
    return admin;
  }

  @Override
  public String toString() {
    return "PcoSync[" + account + "]";
  }

  /** Builds a {@link PcoSync}. Not thread-safe. */
  public static final class Builder {
    private PcoAccount account;
    private PersonRepository people;
    private GroupRepository groups;
    private TagAttributeStore tags;
    private SyncStateStore state;
    private Clock clock = Clock.systemUTC();
    private Executor executor = Runnable::run;
    private SyncListener listener = SyncListener.NONE;
    private PcoPort port;
    private PcoClient client;
    private Sleeper sleeper;
    private TokenListener tokenListener;
    private okhttp3.OkHttpClient okHttpClient;
    private String leaseOwner;
    private Duration leaseTtl = Duration.ofMinutes(10);

    private Builder() {}

    /** Sets the account; required. */
    public Builder account(PcoAccount v) {
      account = requireNonNull(v, "account == null");
      return this;
    }

    /** Sets the host's people; required. */
    public Builder people(PersonRepository v) {
      people = requireNonNull(v, "people == null");
      return this;
    }

    /** Sets the host's sync groups; required. */
    public Builder groups(GroupRepository v) {
      groups = requireNonNull(v, "groups == null");
      return this;
    }

    /** Sets the host's "PCO Tags" attribute; required. */
    public Builder tags(TagAttributeStore v) {
      tags = requireNonNull(v, "tags == null");
      return this;
    }

    /** Sets the sync state store; required. */
    public Builder state(SyncStateStore v) {
      state = requireNonNull(v, "state == null");
      return this;
    }

    /** Sets the clock; the system UTC clock by default. */
    public Builder clock(Clock v) {
      clock = requireNonNull(v, "clock == null");
      return this;
    }

    /**
     * Sets the executor PCO requests of different people run on; by default they run one after
     * another on the calling thread. The client bounds requests in flight per account.
     */
    public Builder executor(Executor v) {
      executor = requireNonNull(v, "executor == null");
      return this;
    }

    /** Sets the progress listener; none by default. */
    public Builder listener(SyncListener v) {
      listener = requireNonNull(v, "listener == null");
      return this;
    }

    /** Uses this PCO port (e.g. an {@link org.pcosync.core.port.InMemoryPcoPort}) instead of the client. */
    public Builder port(PcoPort v) {
      port = requireNonNull(v, "port == null");
      return this;
    }

    /** Uses this client for the default {@link ClientPcoPort} instead of building one from the account. */
    public Builder client(PcoClient v) {
      client = requireNonNull(v, "client == null");
      return this;
    }

    /** Sets how the default client sleeps (rate limits, backoff); a test passes a virtual one. */
    public Builder sleeper(Sleeper v) {
      sleeper = requireNonNull(v, "sleeper == null");
      return this;
    }

    /** Receives rotated OAuth tokens of the default client, for the host to store. */
    public Builder tokenListener(TokenListener v) {
      tokenListener = requireNonNull(v, "tokenListener == null");
      return this;
    }

    /** Sets the OkHttpClient the default client derives its own from (proxies, TLS, timeouts). */
    public Builder okHttpClient(okhttp3.OkHttpClient v) {
      okHttpClient = requireNonNull(v, "okHttpClient == null");
      return this;
    }

    /** Names this process in the run lease ("already running" errors show it); a pid-based name by default. */
    public Builder leaseOwner(String v) {
      leaseOwner = requireNonNull(v, "leaseOwner == null");
      return this;
    }

    /** Sets how long a run lease lasts without renewal; 10 minutes by default. */
    public Builder leaseTtl(Duration v) {
      if (requireNonNull(v, "leaseTtl == null").isNegative() || v.isZero()) {
        throw new IllegalArgumentException("leaseTtl must be positive: " + v);
      }
      leaseTtl = v;
      return this;
    }

    /**
     * Returns the sync.
     *
     * @throws NullPointerException when the account or an SPI implementation is missing
     */
    public PcoSync build() {
      return new PcoSync(this);
    }
  }
}
