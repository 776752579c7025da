package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcosync.testkit.fake.internal.ApiException;
import org.pcosync.testkit.fake.internal.ApiRequest;
import org.pcosync.testkit.fake.internal.Entity;
import org.pcosync.testkit.fake.internal.Json;
import org.pcosync.testkit.fake.internal.PeopleApi;
import org.pcosync.testkit.fake.internal.PeopleApi.Child;
import org.pcosync.testkit.fake.internal.PeopleGenerator;
import org.pcosync.testkit.fake.internal.ServicesApi;
import org.pcosync.testkit.fake.internal.Store;

/**
 * Direct access to the fake's People data, as an admin in PCO's web UI would have it: seed people,
 * read snapshots, edit, merge. Changes go through the same validation and {@code updated_at} rules as
 * API writes, but are not recorded as requests and do not count towards the rate limit.
 *
 * <pre>{@code
 * String id = fake.people().addPerson(PersonSeed.builder("Zoë", "Nguyễn").email("zoe@example.com").build());
 * fake.people().updatePerson(id, Map.of("last_name", "Tran"));
 * assertThat(fake.people().person(id)).hasValueSatisfying(p -> assertThat(p.lastName()).isEqualTo("Tran"));
 * }</pre>
 *
 * <p>Thread-safe; share one instance.
 */
public final class FakePeople {
  private final Store store;
  private final PeopleApi api;

  FakePeople(Store store, PeopleApi api) {
    this.store = store;
    this.api = api;
  }

  private ApiRequest internal() {
    return PeopleApi.internalRequest(store.baseUrl);
  }

  /**
   * Adds a person with their emails, phones and addresses; returns the PCO id.
   *
   * @throws IllegalArgumentException when PCO would reject the data (the 422 body is the message)
   */
  public String addPerson(PersonSeed seed) {
    requireNonNull(seed, "seed == null");
    synchronized (store) {
      return guard(() -> {
        ObjectNode a = Json.object();
        a.put("first_name", seed.firstName());
        a.put("last_name", seed.lastName());
        putIfSet(a, "given_name", seed.givenName());
        putIfSet(a, "middle_name", seed.middleName());
        putIfSet(a, "nickname", seed.nickname());
        putIfSet(a, "gender", seed.gender());
        putIfSet(a, "birthdate", seed.birthdate() == null ? null : seed.birthdate().toString());
        putIfSet(a, "anniversary", seed.anniversary() == null ? null : seed.anniversary().toString());
        if (seed.remoteId() != null) {
          a.put("remote_id", seed.remoteId());
        }
        if (seed.inactive()) {
          a.put("status", "inactive");
        }
        if (seed.siteAdministrator()) {
          a.put("site_administrator", true);
        }
        Entity p = api.createPersonEntity(seed.id(), a, seed.createdAt());
        for (EmailSeed e : seed.emails()) {
          addChild(Child.EMAILS, p.id, Json.object().put("address", e.address()).put("location", e.location())
              .put("primary", e.primary()));
        }
        for (PhoneSeed ph : seed.phones()) {
          addChild(Child.PHONES, p.id, Json.object().put("number", ph.number()).put("location", ph.location())
              .put("primary", ph.primary()));
        }
        for (AddressSeed ad : seed.addresses()) {
          addChild(Child.ADDRESSES, p.id, addressAttrs(ad));
        }
        // seeding is not an edit: the person keeps its creation time
        p.attrs.put("updated_at", p.attrs.get("created_at").asText());
        for (Child c : Child.values()) {
          for (Entity e : store.childrenOf(c.table(store), p.id)) {
            e.attrs.put("created_at", p.attrs.get("created_at").asText());
            e.attrs.put("updated_at", p.attrs.get("created_at").asText());
          }
        }
        return p.id;
      });
    }
  }

  /** Adds every seed; returns their ids in order. */
  public List<String> addPeople(List<PersonSeed> seeds) {
    return seeds.stream().map(this::addPerson).collect(Collectors.toList());
  }

  /**
   * Adds {@code n} realistic people generated from {@code seed}: unicode names (Zoë, José, Nguyễn...),
   * emails, phones, addresses, spouses sharing an email and some near-duplicates. Same seed, same people.
   */
  public List<String> generatePeople(int n, long seed) {
    return addPeople(PeopleGenerator.generate(n, seed));
  }

  private static ObjectNode addressAttrs(AddressSeed ad) {
    ObjectNode a = Json.object();
    a.put("street_line_1", ad.streetLine1());
    putIfSet(a, "street_line_2", ad.streetLine2());
    a.put("city", ad.city());
    putIfSet(a, "state", ad.state());
    putIfSet(a, "zip", ad.zip());
    putIfSet(a, "country_code", ad.countryCode());
    a.put("location", ad.location());
    a.put("primary", ad.primary());
    return a;
  }

  private static void putIfSet(ObjectNode a, String name, String value) {
    if (value != null) {
      a.put(name, value);
    }
  }

  private String addChild(Child c, String personId, ObjectNode attrs) {
    return api.createChildEntity(internal(), c, personId, attrs).id;
  }

  /** A snapshot of person {@code id}, empty when there is none (never added, deleted or merged away). */
  public Optional<PersonSnapshot> person(String id) {
    synchronized (store) {
      Entity p = store.people.get(id);
      return p == null ? Optional.empty() : Optional.of(snapshot(p));
    }
  }

  /** Snapshots of every person, in id order. */
  public List<PersonSnapshot> all() {
    synchronized (store) {
      List<Entity> people = new ArrayList<>(store.people.values());
      people.sort(java.util.Comparator.comparingLong(Entity::numericId));
      return people.stream().map(this::snapshot).collect(Collectors.toList());
    }
  }

  /** How many people exist. */
  public int count() {
    synchronized (store) {
      return store.people.size();
    }
  }

  /** The ids of people having {@code address} among their emails (case-insensitive). */
  public List<String> idsByEmail(String address) {
    synchronized (store) {
      return store.emails.values().stream()
          .filter(e -> address.equalsIgnoreCase(e.str("address")))
          .map(e -> e.personId).distinct().collect(Collectors.toList());
    }
  }

  private PersonSnapshot snapshot(Entity p) {
    return new PersonSnapshot(p.id, p.attrs, children(Child.EMAILS, p.id), children(Child.PHONES, p.id),
        children(Child.ADDRESSES, p.id));
  }

  private List<ResourceSnapshot> children(Child c, String personId) {
    return store.childrenOf(c.table(store), personId).stream()
        .map(e -> new ResourceSnapshot(e.type, e.id, e.attrs)).collect(Collectors.toList());
  }

  /**
   * Changes person attributes (PCO names: {@code first_name}, {@code birthdate}...) as an edit in PCO
   * would: validated, {@code updated_at} bumped.
   *
   * @throws IllegalArgumentException when PCO would reject the change, or the person does not exist
   */
  public void updatePerson(String id, Map<String, ?> attributes) {
    requireNonNull(attributes, "attributes == null");
    synchronized (store) {
      guard(() -> {
        api.updatePersonEntity(api.person(id), Json.tree(attributes));
        return null;
      });
    }
  }

  /** Deletes a person and everything attached. */
  public void deletePerson(String id) {
    synchronized (store) {
      guard(() -> {
        api.person(id);
        store.removePerson(id);
        return null;
      });
    }
  }

  /** Adds an email to a person (bumps the person's {@code updated_at}); returns the email id. */
  public String addEmail(String personId, EmailSeed email) {
    requireNonNull(email, "email == null");
    synchronized (store) {
      return guard(() -> addChild(Child.EMAILS, personId, Json.object().put("address", email.address())
          .put("location", email.location()).put("primary", email.primary())));
    }
  }

  /** Adds a phone number (PCO-formatted; bumps the person); returns its id. */
  public String addPhone(String personId, PhoneSeed phone) {
    requireNonNull(phone, "phone == null");
    synchronized (store) {
      return guard(() -> addChild(Child.PHONES, personId, Json.object().put("number", phone.number())
          .put("location", phone.location()).put("primary", phone.primary())));
    }
  }

  /** Adds an address (bumps the person); returns its id. */
  public String addAddress(String personId, AddressSeed address) {
    requireNonNull(address, "address == null");
    synchronized (store) {
      return guard(() -> addChild(Child.ADDRESSES, personId, addressAttrs(address)));
    }
  }

  /**
   * Changes an email, phone number or address by id ({@code address}, {@code number}, {@code location},
   * {@code primary}, {@code street_line_1}...), bumping its person.
   */
  public void updateContact(String contactId, Map<String, ?> attributes) {
    synchronized (store) {
      guard(() -> {
        for (Child c : Child.values()) {
          Entity e = c.table(store).get(contactId);
          if (e != null) {
            api.updateChildEntity(internal(), c, e, Json.tree(attributes));
            return null;
          }
        }
        throw new IllegalArgumentException("no email, phone number or address " + contactId);
      });
    }
  }

  /** Deletes an email, phone number or address by id, bumping its person. */
  public void deleteContact(String contactId) {
    synchronized (store) {
      guard(() -> {
        for (Child c : Child.values()) {
          if (c.table(store).containsKey(contactId)) {
            api.deleteChild(c, contactId);
            return null;
          }
        }
        throw new IllegalArgumentException("no email, phone number or address " + contactId);
      });
    }
  }

  /**
   * Merges {@code removeId} into {@code keepId} as an admin does in PCO's web UI: the removed id
   * disappears (404 everywhere), the survivor keeps every email, phone number, address and field
   * datum of both (exact duplicates once), Services membership and tags carry over, the survivor's
   * {@code updated_at} moves, and a merger appears at {@code /people/v2/person_mergers}.
   *
   * @return the merger
   */
  public PersonMerger mergePeople(String keepId, String removeId) {
    synchronized (store) {
      return guard(() -> {
        if (keepId.equals(removeId)) {
          throw new IllegalArgumentException("cannot merge a person into themselves");
        }
        Entity keep = api.person(keepId);
        api.person(removeId);
        for (Child c : Child.values()) {
          Set<String> seen = new HashSet<>();
          for (Entity e : store.childrenOf(c.table(store), keepId)) {
            seen.add(contactKey(c, e));
          }
          for (Entity e : store.childrenOf(c.table(store), removeId)) {
            if (seen.add(contactKey(c, e))) {
              e.personId = keepId;
              if (e.bool("primary")) {
                e.attrs.put("primary", false);
              }
            }
          }
        }
        store.fieldData.values().forEach(d -> {
          if (removeId.equals(d.personId)) {
            d.personId = keepId;
          }
        });
        store.personApps.values().forEach(a -> {
          if (removeId.equals(a.personId)
              && store.childrenOf(store.personApps, keepId).stream().noneMatch(k -> k.str("app_id").equals(a.str("app_id")))) {
            a.personId = keepId;
          }
        });
        Entity removedServices = store.servicesPeople.get(removeId);
        if (removedServices != null && !store.servicesPeople.containsKey(keepId)) {
          Entity moved = ServicesApi.ensureServicesPerson(store, keepId, removedServices.str("permissions"));
          moved.attrs.setAll(removedServices.attrs);
        }
        store.tagsOf(keepId).addAll(store.tagsOf(removeId));
        store.removePerson(removeId);
        if (removeId.equals(store.meId)) {
          store.meId = keepId;
        }
        keep.attrs.put("updated_at", store.nowText());
        ObjectNode m = Json.object();
        m.put("created_at", store.nowText());
        m.put("person_to_keep_id", keepId);
        m.put("person_to_remove_id", removeId);
        Entity merger = new Entity("PersonMerger", store.nextId(), m, null);
        store.mergers.put(merger.id, merger);
        return toMerger(merger);
      });
    }
  }

  private static String contactKey(Child c, Entity e) {
    switch (c) {
      case EMAILS:
        return String.valueOf(e.str("address")).toLowerCase(Locale.ROOT);
      case PHONES:
        return String.valueOf(e.str("number")).replaceAll("\\D", "") + "|" + e.str("location");
      default:
        return (e.str("street_line_1") + "|" + e.str("city") + "|" + e.str("zip")).toLowerCase(Locale.ROOT);
    }
  }

  private static PersonMerger toMerger(Entity m) {
    return new PersonMerger(m.id, m.str("person_to_keep_id"), m.str("person_to_remove_id"),
        Instant.parse(m.str("created_at")));
  }

  /** Every merger, oldest first. */
  public List<PersonMerger> mergers() {
    synchronized (store) {
      return store.mergers.values().stream().map(FakePeople::toMerger).collect(Collectors.toList());
    }
  }

  /** Makes {@code personId} the user behind the credentials ({@code GET /people/v2/me}). */
  public void setMeId(String personId) {
    synchronized (store) {
      guard(() -> api.person(personId));
      store.meId = personId;
    }
  }

  /**
   * Gives a person a PCO login ({@code login_identifier}, read-only in the API: PCO sets it when the
   * person creates a login), or takes it away with {@code null}. A seeding step: {@code updated_at}
   * does not move.
   */
  public void setLoginIdentifier(String personId, String loginIdentifier) {
    synchronized (store) {
      Entity p = guard(() -> api.person(personId));
      if (loginIdentifier == null) {
        p.attrs.putNull("login_identifier");
      } else {
        p.attrs.put("login_identifier", loginIdentifier);
      }
    }
  }

  /** Marks or unmarks a person as organization administrator ({@code filter=organization_admins}). */
  public void setOrganizationAdmin(String personId, boolean admin) {
    synchronized (store) {
      guard(() -> api.person(personId));
      if (admin) {
        store.organizationAdmins.add(personId);
      } else {
        store.organizationAdmins.remove(personId);
      }
    }
  }

  /** Whether {@code personId} is an organization administrator. */
  public boolean isOrganizationAdmin(String personId) {
    synchronized (store) {
      return store.organizationAdmins.contains(personId);
    }
  }

  /** Adds a custom field definition ({@code data_type} e.g. {@code "string"}, {@code "date"}); returns its id. */
  public String addFieldDefinition(String name, String dataType) {
    synchronized (store) {
      ObjectNode a = Json.object();
      a.putNull("config");
      a.put("data_type", dataType);
      a.putNull("deleted_at");
      a.put("name", name);
      a.put("sequence", store.fieldDefinitions.size() + 1);
      a.put("slug", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
      a.put("tab_id", "1");
      Entity e = new Entity("FieldDefinition", store.nextId(), a, null);
      store.fieldDefinitions.put(e.id, e);
      return e.id;
    }
  }

  /** A person's custom field values by field definition id. */
  public Map<String, String> fieldData(String personId) {
    synchronized (store) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      for (Entity d : store.childrenOf(store.fieldData, personId)) {
        out.put(d.str("field_definition_id"), d.str("value"));
      }
      return out;
    }
  }

  /** Bytes of an avatar URL the fake serves, if it is one of its own. */
  public Optional<byte[]> avatarBytes(String avatarUrl) {
    synchronized (store) {
      String path = avatarUrl.startsWith(store.baseUrl) ? avatarUrl.substring(store.baseUrl.length()) : avatarUrl;
      byte[] b = store.avatars.get(path);
      return b == null ? Optional.empty() : Optional.of(b.clone());
    }
  }

  /** Runs {@code body}; PCO-style rejections become {@link IllegalArgumentException}s. */
  private static <T> T guard(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (ApiException e) {
      throw new IllegalArgumentException(new String(e.response().body(), StandardCharsets.UTF_8), e);
    }
  }
}
