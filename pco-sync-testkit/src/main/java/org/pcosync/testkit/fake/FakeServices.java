package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcosync.testkit.fake.internal.EmailTemplates;
import org.pcosync.testkit.fake.internal.Entity;
import org.pcosync.testkit.fake.internal.Json;
import org.pcosync.testkit.fake.internal.ServicesApi;
import org.pcosync.testkit.fake.internal.Store;

/**
 * Direct access to the fake's Services data: who is in Services at which permission level, archive
 * state, the (read-only via API) tag taxonomy, tag assignments, email templates and welcome emails.
 *
 * <pre>{@code
 * fake.services().addServicesPerson(id, "Scheduler");
 * String group = fake.services().addTagGroup("Teams");
 * String tag = fake.services().addTag(group, "Band");
 * }</pre>
 *
 * <p>Thread-safe; share one instance.
 */
public final class FakeServices {
  private final Store store;

  FakeServices(Store store) {
    this.store = store;
  }

  /**
   * Puts People person {@code personId} into Services at {@code permissions} (one of {@link
   * ServicesApi#PERMISSIONS}) as an admin would; no welcome email.
   */
  public void addServicesPerson(String personId, String permissions) {
    requireNonNull(permissions, "permissions == null");
    synchronized (store) {
      requirePerson(personId);
      checkLevel(permissions);
      Entity e = ServicesApi.ensureServicesPerson(store, personId, permissions);
      setLevel(e, permissions);
      store.ensurePersonApp(personId, Store.SERVICES_APP_ID);
    }
  }

  private static void checkLevel(String permissions) {
    if (!ServicesApi.PERMISSIONS.contains(permissions)) {
      throw new IllegalArgumentException("unknown permissions " + permissions + "; one of " + ServicesApi.PERMISSIONS);
    }
  }

  private void setLevel(Entity e, String permissions) {
    ServicesApi.setLevel(store, e.attrs, permissions);
    e.attrs.put("updated_at", store.nowText());
  }

  /** Changes a Services person's level as an admin would ({@code "Archived"} archives). */
  public void setPermissions(String personId, String permissions) {
    synchronized (store) {
      checkLevel(permissions);
      setLevel(servicesPerson(personId), permissions);
    }
  }

  /** Archives a Services person as an admin would. */
  public void archive(String personId) {
    setPermissions(personId, "Archived");
  }

  /** Whether {@code personId} is in Services. */
  public boolean isInServices(String personId) {
    synchronized (store) {
      return store.servicesPeople.containsKey(personId) && store.people.containsKey(personId);
    }
  }

  /** A snapshot of a Services person, empty when not in Services. */
  public Optional<ServicesPersonSnapshot> person(String personId) {
    synchronized (store) {
      Entity e = store.servicesPeople.get(personId);
      if (e == null || !store.people.containsKey(personId)) {
        return Optional.empty();
      }
      String archivedAt = e.str("archived_at");
      return Optional.of(new ServicesPersonSnapshot(personId, e.str("permissions"), e.bool("archived"),
          archivedAt == null ? null : Instant.parse(archivedAt), Instant.parse(e.str("updated_at")),
          store.tagsOf(personId)));
    }
  }

  /** Ids of everyone in Services. */
  public List<String> personIds() {
    synchronized (store) {
      return store.servicesPeople.keySet().stream().filter(store.people::containsKey).collect(Collectors.toList());
    }
  }

  /** Adds a tag group for people ({@code tags_for: "person"}); returns its id. */
  public String addTagGroup(String name) {
    return addTagGroup(name, "person");
  }

  /** Adds a tag group for {@code tagsFor} ({@code person}, {@code song}, ...); returns its id. */
  public String addTagGroup(String name, String tagsFor) {
    synchronized (store) {
      ObjectNode a = Json.object().put("allow_multiple_selections", true).put("name", name).put("required", false)
          .putNull("service_type_folder_name").put("tags_for", tagsFor);
      Entity g = new Entity("TagGroup", store.nextId(), a, null);
      store.tagGroups.put(g.id, g);
      return g.id;
    }
  }

  /** Adds a tag to a group; returns its id. */
  public String addTag(String tagGroupId, String name) {
    synchronized (store) {
      if (!store.tagGroups.containsKey(tagGroupId)) {
        throw new IllegalArgumentException("no tag group " + tagGroupId);
      }
      Entity t = new Entity("Tag", store.nextId(), Json.object().put("name", name).put("tag_group_id", tagGroupId),
          null);
      store.tags.put(t.id, t);
      return t.id;
    }
  }

  /** The tag ids assigned to a person. */
  public Set<String> tagsOf(String personId) {
    synchronized (store) {
      return Set.copyOf(store.tagsOf(personId));
    }
  }

  /**
   * Replaces a person's tags as an edit in Services would; bumps the Services person's {@code
   * updated_at} only when the fake was built with {@code tagChangesBumpUpdatedAt(true)}.
   */
  public void setTags(String personId, Collection<String> tagIds) {
    synchronized (store) {
      Entity e = servicesPerson(personId);
      Set<String> next = new LinkedHashSet<>(tagIds);
      Set<String> current = store.tagsOf(personId);
      if (!current.equals(next)) {
        current.clear();
        current.addAll(next);
        if (store.tagChangesBumpUpdatedAt) {
          e.attrs.put("updated_at", store.nowText());
        }
      }
    }
  }

  /** Adds a Services email template; returns its id. */
  public String addEmailTemplate(String kind, String subject, String htmlBody) {
    synchronized (store) {
      return EmailTemplates.add(store, kind, subject, htmlBody).id;
    }
  }

  /** Welcome emails recorded as sent, oldest first. */
  public List<WelcomeEmail> welcomeEmails() {
    synchronized (store) {
      return store.welcomeEmails.stream().map(w -> new WelcomeEmail(w[0], w[1], Instant.parse(w[2])))
          .collect(Collectors.toList());
    }
  }

  private void requirePerson(String personId) {
    if (!store.people.containsKey(personId)) {
      throw new IllegalArgumentException("no People person " + personId);
    }
  }

  private Entity servicesPerson(String personId) {
    Entity e = store.servicesPeople.get(personId);
    if (e == null || !store.people.containsKey(personId)) {
      throw new IllegalArgumentException("person " + personId + " is not in Services");
    }
    return e;
  }
}
