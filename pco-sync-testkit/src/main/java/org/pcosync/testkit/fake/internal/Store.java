package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The fake's whole state. Every read and write happens while holding this object's monitor
 * ({@code synchronized (store)}), so one request sees a consistent snapshot.
 *
 * <p>Not thread-safe by itself: guarded by its own monitor, as described.
 */
public final class Store {
  public static final String DEFAULT_AVATAR =
      "https://people.planningcenteronline.com/static/no_photo_thumbnail_gray.png";
  public static final String SERVICES_APP_ID = "2";

  public final Clock clock;
  public final Random random;
  public final String organizationId = "263468";
  public final String organizationName = "Fake Church";
  public final ZoneId organizationZone = ZoneId.of("America/New_York");
  private final AtomicLong ids = new AtomicLong(1_000_000);

  public final Map<String, Entity> people = new LinkedHashMap<>();
  public final Map<String, Entity> emails = new LinkedHashMap<>();
  public final Map<String, Entity> phones = new LinkedHashMap<>();
  public final Map<String, Entity> addresses = new LinkedHashMap<>();
  public final Map<String, Entity> fieldDefinitions = new LinkedHashMap<>();
  public final Map<String, Entity> fieldData = new LinkedHashMap<>();
  public final Map<String, Entity> personApps = new LinkedHashMap<>();
  public final Map<String, Entity> apps = new LinkedHashMap<>();
  public final Map<String, Entity> servicesPeople = new LinkedHashMap<>();
  public final Map<String, Entity> tagGroups = new LinkedHashMap<>();
  public final Map<String, Entity> tags = new LinkedHashMap<>();
  public final Map<String, Set<String>> personTags = new LinkedHashMap<>();
  public final Map<String, Entity> emailTemplates = new LinkedHashMap<>();
  public final Map<String, Entity> mergers = new LinkedHashMap<>();
  public final Map<String, UploadedFile> files = new LinkedHashMap<>();
  public final Map<String, byte[]> avatars = new LinkedHashMap<>();
  public final List<String[]> welcomeEmails = new ArrayList<>();
  public final Set<String> organizationAdmins = new HashSet<>();
  public String meId;
  /** {@code http://127.0.0.1:port}, known once the server is bound. */
  public volatile String baseUrl = "http://127.0.0.1";
  public boolean tagChangesBumpUpdatedAt;

  /** A file received by the upload host; it expires an hour after upload. */
  public record UploadedFile(String id, String name, String contentType, byte[] content, Instant expiresAt) {}

  public Store(Clock clock, long seed) {
    this.clock = clock;
    this.random = new Random(seed);
    addApp("1", "Check-Ins", "https://check-ins.planningcenteronline.com");
    addApp(SERVICES_APP_ID, "Services", "https://services.planningcenteronline.com");
    addApp("3", "Giving", "https://giving.planningcenteronline.com");
    addApp("4", "Groups", "https://groups.planningcenteronline.com");
    addApp("5", "People", "https://people.planningcenteronline.com");
  }

  private void addApp(String id, String name, String url) {
    ObjectNode a = Json.object().put("name", name).put("url", url);
    apps.put(id, new Entity("App", id, a, null));
  }

  public String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  /** Reserves an explicit id so generated ids never collide with it. */
  public String reserveId(String id) {
    try {
      long n = Long.parseLong(id);
      ids.accumulateAndGet(n, Math::max);
    } catch (NumberFormatException ignored) {
      // non-numeric ids never collide with generated ones
    }
    return id;
  }

  public Instant now() {
    return clock.instant();
  }

  public String nowText() {
    return Formats.timestamp(now());
  }

  /** PCO bumps a person's {@code updated_at} when the person or an email, phone or address changes. */
  public void touchPerson(String personId) {
    Entity p = people.get(personId);
    if (p != null) {
      p.attrs.put("updated_at", nowText());
    }
  }

  /** The person's PersonApp for {@code appId}, created if missing. */
  public Entity ensurePersonApp(String personId, String appId) {
    for (Entity e : childrenOf(personApps, personId)) {
      if (appId.equals(e.str("app_id"))) {
        return e;
      }
    }
    ObjectNode a = Json.object().put("allow_pco_login", false).put("people_permissions", "no_access")
        .put("app_id", appId);
    Entity e = new Entity("PersonApp", nextId(), a, personId);
    personApps.put(e.id, e);
    return e;
  }

  public List<Entity> childrenOf(Map<String, Entity> table, String personId) {
    return table.values().stream()
        .filter(e -> personId.equals(e.personId))
        .sorted(Comparator.comparingLong(Entity::numericId))
        .collect(Collectors.toList());
  }

  public Set<String> tagsOf(String personId) {
    return personTags.computeIfAbsent(personId, k -> new LinkedHashSet<>());
  }

  /** Removes a person and everything hanging off them (used by DELETE and by merges). */
  public void removePerson(String personId) {
    people.remove(personId);
    servicesPeople.remove(personId);
    personTags.remove(personId);
    for (Map<String, Entity> t : List.of(emails, phones, addresses, fieldData, personApps)) {
      t.values().removeIf(e -> personId.equals(e.personId));
    }
  }
}
