package org.pcosync.client;

import static java.util.Objects.requireNonNull;
import static org.pcosync.client.PcoPeople.required;
import static org.pcosync.client.PcoPeople.seg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.internal.Bodies;
import org.pcosync.client.internal.Context;
import org.pcosync.client.internal.JsonApiDocument;
import org.pcosync.client.internal.JsonApiDocument.Resource;
import org.pcosync.client.internal.Mappers;
import org.pcosync.client.internal.Pager;

/**
 * Services v2: Services people and their permissions, adding People people to Services, archive,
 * tag groups, tags and tag assignment, email templates. Obtain it from {@link PcoClient#services()}.
 *
 * <pre>{@code
 * PcoServices services = client.services();
 * List<ServicesPerson> all = services.listPeople(true);       // with tag ids
 * services.assignTags(personId, List.of("5", "9"));          // replaces the whole set
 * services.updatePermissions(personId, "Scheduler");
 * }</pre>
 *
 * <p>Services has no {@code where[updated_at]} filter: people are listed newest change first
 * ({@code order=-updated_at}) so a caller can stop at its checkpoint. Tags are read with {@code
 * include=tags} when {@code meta.can_include} offers it (checked once per client), else one request
 * per person. Thread-safe; share one instance.
 */
public final class PcoServices {
  private final Context ctx;
  private final PcoPeople people;
  private final AtomicReference<@Nullable Boolean> canIncludeTags = new AtomicReference<>();
  private final AtomicReference<@Nullable String> servicesAppId = new AtomicReference<>();

  PcoServices(Context ctx, PcoPeople people) {
    this.ctx = ctx;
    this.people = people;
  }

  private HttpUrl url(String path, Map<String, String> q) {
    return ctx.transport().url(path, q);
  }

  private JsonApiDocument get(HttpUrl url) {
    return ctx.transport().get(url, ctx.servicesVersion());
  }

  private <T> PcoPage<T> page(String path, Map<String, String> params, int offset, Function<Resource, T> map) {
    Map<String, String> q = new LinkedHashMap<>(params);
    if (offset > 0) {
      q.put("offset", Integer.toString(offset));
    }
    JsonApiDocument doc = get(url(path, q));
    return new PcoPage<>(
        doc.data().stream().map(map).toList(), offset, doc.nextOffset(), doc.totalCount(), doc.canInclude());
  }

  private <T> List<T> all(String path, Map<String, String> params, Function<Resource, T> map) {
    return Pager.stream(offset -> page(path, params, offset, map)).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // people

  /** True when Services people can be read with {@code include=tags} (asked once, then cached). */
  public boolean canIncludeTags() {
    Boolean known = canIncludeTags.get();
    if (known == null) {
      JsonApiDocument doc = get(url("services/v2/people", Map.of("per_page", "1")));
      known = doc.canInclude().contains("tags");
      canIncludeTags.set(known);
    }
    return known;
  }

  /**
   * All Services people, most recently updated first ({@code order=-updated_at}, {@code
   * per_page=100}), lazily. With {@code withTags}, each person carries its tag ids: via {@code
   * include=tags} when offered, else one {@code GET /services/v2/people/{id}/tags} per person as
   * it is consumed. Like {@link PcoPeople#stream}, a person may appear twice when data changes
   * while paging; the later copy is the newer one.
   *
   * <p>Services has no {@code where[updated_at]}: for a delta, stop at your checkpoint, e.g. {@code
   * streamPeople(false).takeWhile(p -> p.updatedAt() != null && p.updatedAt().isAfter(since))}; only
   * the pages actually consumed are requested. Whether tag changes bump {@code updated_at} is
   * unconfirmed, so read tags in full periodically.
   */
  public Stream<ServicesPerson> streamPeople(boolean withTags) {
    boolean include = withTags && canIncludeTags();
    Map<String, String> q = new LinkedHashMap<>();
    if (include) {
      q.put("include", "tags");
    }
    q.put("order", "-updated_at");
    q.put("per_page", "100");
    Stream<ServicesPerson> s =
        Pager.stream(offset -> page("services/v2/people", q, offset, Mappers::servicesPerson));
    if (withTags && !include) {
      s = s.map(p -> p.withTagIds(personTagIds(p.id())));
    }
    return s;
  }

  /** {@link #streamPeople} collected and de-duplicated by id (last copy wins). */
  public List<ServicesPerson> listPeople(boolean withTags) {
    return Pager.dedupeLastWins(streamPeople(withTags), ServicesPerson::id);
  }

  /** {@code GET /services/v2/people/{id}}, with tags when {@code withTags}. */
  public ServicesPerson getPerson(String personId, boolean withTags) {
    boolean include = withTags && canIncludeTags();
    Map<String, String> q = include ? Map.of("include", "tags") : Map.of();
    JsonApiDocument doc = get(url("services/v2/people/" + seg(personId), q));
    ServicesPerson p = Mappers.servicesPerson(doc.single());
    return withTags && !p.tagsLoaded() ? p.withTagIds(personTagIds(personId)) : p;
  }

  /** Like {@link #getPerson} but empty on 404 (not added to Services). */
  public Optional<ServicesPerson> findPerson(String personId, boolean withTags) {
    try {
      return Optional.of(getPerson(personId, withTags));
    } catch (PcoApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code PATCH /services/v2/people/{id}} with only the given attributes. */
  public ServicesPerson updatePerson(String personId, ServicesPersonAttributes attributes) {
    JsonApiDocument doc =
        ctx.transport()
            .patch(
                url("services/v2/people/" + seg(personId), Map.of()),
                ctx.servicesVersion(),
                Bodies.resource("Person", personId, attributes.asMap()));
    return Mappers.servicesPerson(required(doc, "PATCH services person").single());
  }

  /** Sets the Services {@code permissions} level, e.g. {@code "Scheduled Viewer"} … {@code "Administrator"}. */
  public ServicesPerson updatePermissions(String personId, String permissions) {
    return updatePerson(personId, ServicesPersonAttributes.builder().permissions(permissions).build());
  }

  /**
   * Archives a person in Services.
   *
   * <p><b>Assumption (UNVERIFIED against a live organization, pco-api.md §0/§6.1):</b> PCO
   * documents {@code archived} as read-only and no archive action; this sends {@code PATCH
   * /services/v2/people/{id}} with {@code permissions = "Archived"}, the value a third-party module
   * lists as the lowest level. If PCO rejects it this throws {@link PcoApiException} (422). This is
   * the only place that encodes the assumption.
   */
  public ServicesPerson archive(String personId) {
    return updatePermissions(personId, "Archived");
  }

  /**
   * Adds an existing People person to Services: Services has no person create, so this sends
   * {@code POST /people/v2/people/{id}/person_apps} with the Services {@code app_id} (looked up
   * once in {@code /people/v2/apps} by name "Services").
   *
   * <p><b>Assumption about the welcome email (UNVERIFIED, pco-api.md §6.1):</b> when {@code
   * welcomeEmailTemplateId} is not null it is sent as attribute {@code email_template_id} on the
   * PersonApp, as a 2017 integration did; PCO's current documentation lists only {@code app_id} as
   * assignable, so PCO may ignore it. There is no API to send an email otherwise. This is the only
   * place that encodes the assumption.
   *
   * @throws PcoConnectionException with {@code outcomeUnknown()} when the POST's fate is unknown:
   *     check {@link #findPerson} before trying again
   */
  public PcoPersonApp addToServices(String personId, @Nullable String welcomeEmailTemplateId) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("app_id", servicesAppId());
    if (welcomeEmailTemplateId != null) {
      attrs.put("email_template_id", welcomeEmailTemplateId);
    }
    return people.addPersonApp(personId, attrs);
  }

  /** The id of the "Services" product in {@code /people/v2/apps} (cached per client). */
  public String servicesAppId() {
    String id = servicesAppId.get();
    if (id == null) {
      id =
          people.apps().stream()
              .filter(a -> a.name() != null && a.name().trim().toLowerCase(Locale.ROOT).equals("services"))
              .map(PcoApp::id)
              .findFirst()
              .orElseThrow(() -> new PcoClientException("no app named Services in /people/v2/apps"));
      servicesAppId.set(id);
    }
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // tags

  /** Tag groups for people ({@code GET /services/v2/tag_groups?filter=person}); read-only taxonomy. */
  public List<PcoTagGroup> tagGroups() {
    return all("services/v2/tag_groups", Map.of("filter", "person", "per_page", "100"), Mappers::tagGroup);
  }

  /** The tags of a group ({@code GET /services/v2/tag_groups/{id}/tags}). */
  public List<PcoTag> tags(String tagGroupId) {
    return all(
        "services/v2/tag_groups/" + seg(tagGroupId) + "/tags",
        Map.of("per_page", "100"),
        r -> Mappers.tag(r, tagGroupId));
  }

  /** A person's tags ({@code GET /services/v2/people/{id}/tags}). */
  public List<PcoTag> personTags(String personId) {
    return all("services/v2/people/" + seg(personId) + "/tags", Map.of("per_page", "100"), r -> Mappers.tag(r, null));
  }

  /** The ids of a person's tags. */
  public List<String> personTagIds(String personId) {
    List<String> ids = new ArrayList<>();
    personTags(personId).forEach(t -> ids.add(t.id()));
    return ids;
  }

  /**
   * Replaces the person's whole tag set ({@code POST /services/v2/people/{id}/assign_tags}); send
   * the full desired set. PCO answers 204 (or {@code {}}). Repeating it is harmless, so it is
   * retried like an idempotent request.
   */
  public void assignTags(String personId, Collection<String> tagIds) {
    requireNonNull(tagIds, "tagIds == null");
    ctx.transport()
        .postIdempotent(
            url("services/v2/people/" + seg(personId) + "/assign_tags", Map.of()),
            ctx.servicesVersion(),
            Bodies.toManyRelationship("TagAssignment", "tags", "Tag", List.copyOf(tagIds)));
  }

  // ---------------------------------------------------------------------------------------------

  /** Email templates ({@code GET /services/v2/email_templates}). */
  public List<EmailTemplate> emailTemplates() {
    return all("services/v2/email_templates", Map.of("per_page", "100"), Mappers::emailTemplate);
  }
}
