package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * People v2: people, their emails, phone numbers, addresses, custom field data, merges, product
 * access and photos. Obtain it from {@link PcoClient#people()}.
 *
 * <pre>{@code
 * PcoPeople people = client.people();
 * try (Stream<PcoPerson> changed = people.stream(PeopleQuery.updatedSince(lastRun))) {
 *   changed.forEach(p -> upsert(p));          // a later copy of the same id may follow
 * }
 * List<PcoPerson> ada = people.searchByEmail("ada@example.org");
 * PcoPerson created = people.create(PersonAttributes.builder().firstName("Ada").lastName("L").build());
 * }</pre>
 *
 * <p>Every request sends {@code X-PCO-API-Version} with the configured People version. Writes send
 * only the attributes present in the attribute objects. Thread-safe; share one instance.
 */
public final class PcoPeople {
  private final Context ctx;

  PcoPeople(Context ctx) {
    this.ctx = ctx;
  }

  private HttpUrl url(String path) {
    return ctx.transport().url(path, Map.of());
  }

  private HttpUrl url(String path, Map<String, String> query) {
    return ctx.transport().url(path, query);
  }

  private JsonApiDocument get(HttpUrl url) {
    return ctx.transport().get(url, ctx.peopleVersion());
  }

  private <T> PcoPage<T> page(
      String path, Map<String, String> params, int offset, Function<JsonApiDocument, List<T>> map) {
    Map<String, String> q = new LinkedHashMap<>(params);
    if (offset > 0) {
      q.put("offset", Integer.toString(offset));
    }
    JsonApiDocument doc = get(url(path, q));
    return new PcoPage<>(map.apply(doc), offset, doc.nextOffset(), doc.totalCount(), doc.canInclude());
  }

  private static List<PcoPerson> people(JsonApiDocument doc) {
    List<PcoPerson> out = new ArrayList<>();
    for (Resource r : doc.data()) {
      out.add(Mappers.person(r, doc));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // people

  /** One page of people ({@code GET /people/v2/people}) starting at {@code offset}. */
  public PcoPage<PcoPerson> page(PeopleQuery query, int offset) {
    return page("people/v2/people", query.toParams(), offset, PcoPeople::people);
  }

  /**
   * All people matching {@code query}, fetched lazily page by page (following {@code
   * meta.next.offset} / {@code links.next}).
   *
   * <p>Offset paging is not snapshot-consistent: when records change while paging, the same person
   * can appear twice. This stream emits every copy in arrival order, so a consumer that upserts by
   * id ends with the last (most recent) copy. Use {@link #listAll} for a de-duplicated list. Close
   * the stream or consume it fully; each page is one request.
   */
  public Stream<PcoPerson> stream(PeopleQuery query) {
    requireNonNull(query, "query == null");
    return Pager.stream(offset -> page(query, offset));
  }

  /** All people matching {@code query}, de-duplicated by id (last copy wins). */
  public List<PcoPerson> listAll(PeopleQuery query) {
    return Pager.dedupeLastWins(stream(query), PcoPerson::id);
  }

  /**
   * How many people match {@code query} ({@code meta.total_count} of a one-record page, no
   * includes): one cheap request. Null when PCO does not report a count.
   */
  public @Nullable Integer count(PeopleQuery query) {
    PeopleQuery one = query.newBuilder().perPage(1).include(List.of()).build();
    return page(one, 0).totalCount();
  }

  /** {@code GET /people/v2/people/{id}} with emails, phone numbers and addresses included. */
  public PcoPerson get(String personId) {
    Map<String, String> q = Map.of("include", String.join(",", PeopleQuery.CONTACT_INCLUDES));
    JsonApiDocument doc = get(url("people/v2/people/" + seg(personId), q));
    return Mappers.person(doc.single(), doc);
  }

  /** Like {@link #get} but empty when PCO answers 404 (deleted or merged away). */
  public Optional<PcoPerson> find(String personId) {
    try {
      return Optional.of(get(personId));
    } catch (PcoApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The person the credentials act as ({@code GET /people/v2/me}). */
  public PcoPerson me() {
    JsonApiDocument doc = get(url("people/v2/me"));
    return Mappers.person(doc.single(), doc);
  }

  /**
   * People having {@code email} as one of their addresses (case-insensitive), contacts included.
   * Uses {@code where[search_name_or_email]} (which also matches names and phone numbers) and keeps
   * only exact address matches.
   */
  public List<PcoPerson> searchByEmail(String email) {
    String wanted = requireNonNull(email, "email == null").trim().toLowerCase(Locale.ROOT);
    List<PcoPerson> all = listAll(PeopleQuery.builder().searchNameOrEmail(email.trim()).build());
    return all.stream()
        .filter(
            p ->
                p.emails().stream()
                    .anyMatch(
                        e -> e.address() != null && e.address().trim().toLowerCase(Locale.ROOT).equals(wanted)))
        .toList();
  }

  /**
   * Ids of the people having {@code address} as an email ({@code GET
   * /people/v2/emails?where[address]=..}, exact and case-insensitive in PCO): one cheap request,
   * no name matching. Spouses may share an address, so this is a list.
   */
  public List<String> personIdsByEmail(String address) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("where[address]", requireNonNull(address, "address == null").trim());
    q.put("per_page", "100");
    return all("people/v2/emails", q, r -> Mappers.email(r, null)).stream()
        .map(PcoEmail::personId)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }

  /** People with this first and last name (PCO matches case-insensitively), contacts included. */
  public List<PcoPerson> searchByName(String firstName, String lastName) {
    return listAll(
        PeopleQuery.builder().where("first_name", firstName).where("last_name", lastName).build());
  }

  /** People whose name matches {@code where[search_name]}, contacts included. */
  public List<PcoPerson> searchByName(String name) {
    return listAll(PeopleQuery.builder().searchName(name).build());
  }

  /**
   * {@code POST /people/v2/people}. Emails, phones and addresses must be created separately after.
   *
   * @throws PcoConnectionException with {@code outcomeUnknown()} when the connection failed: the
   *     person may exist; search before creating again
   */
  public PcoPerson create(PersonAttributes attributes) {
    JsonApiDocument doc =
        ctx.transport()
            .post(url("people/v2/people"), ctx.peopleVersion(), Bodies.resource("Person", null, attributes.asMap()));
    return Mappers.person(required(doc, "POST people").single(), doc);
  }

  /** {@code PATCH /people/v2/people/{id}} with only the given attributes. */
  public PcoPerson update(String personId, PersonAttributes attributes) {
    JsonApiDocument doc =
        ctx.transport()
            .patch(
                url("people/v2/people/" + seg(personId)),
                ctx.peopleVersion(),
                Bodies.resource("Person", personId, attributes.asMap()));
    return Mappers.person(required(doc, "PATCH person").single(), doc);
  }

  /** {@code DELETE /people/v2/people/{id}}. */
  public void delete(String personId) {
    ctx.transport().delete(url("people/v2/people/" + seg(personId)), ctx.peopleVersion());
  }

  // ---------------------------------------------------------------------------------------------
  // emails, phone numbers, addresses

  /** {@code GET /people/v2/people/{id}/emails} (all pages). */
  public List<PcoEmail> emails(String personId) {
    return nested(personId, "emails", r -> Mappers.email(r, personId));
  }

  /** {@code POST /people/v2/people/{id}/emails}; not retried on connection errors. */
  public PcoEmail createEmail(String personId, EmailAttributes attributes) {
    return create(personId, "emails", "Email", attributes.asMap(), r -> Mappers.email(r, personId));
  }

  /** {@code PATCH /people/v2/emails/{emailId}}. */
  public PcoEmail updateEmail(String emailId, EmailAttributes attributes) {
    return update("emails", "Email", emailId, attributes.asMap(), r -> Mappers.email(r, null));
  }

  /** {@code DELETE /people/v2/emails/{emailId}}. */
  public void deleteEmail(String emailId) {
    ctx.transport().delete(url("people/v2/emails/" + seg(emailId)), ctx.peopleVersion());
  }

  /** {@code GET /people/v2/people/{id}/phone_numbers} (all pages). */
  public List<PcoPhoneNumber> phoneNumbers(String personId) {
    return nested(personId, "phone_numbers", r -> Mappers.phone(r, personId));
  }

  /** {@code POST /people/v2/people/{id}/phone_numbers}; PCO requires {@code location}. */
  public PcoPhoneNumber createPhoneNumber(String personId, PhoneNumberAttributes attributes) {
    return create(personId, "phone_numbers", "PhoneNumber", attributes.asMap(), r -> Mappers.phone(r, personId));
  }

  /** {@code PATCH /people/v2/phone_numbers/{phoneNumberId}}. */
  public PcoPhoneNumber updatePhoneNumber(String phoneNumberId, PhoneNumberAttributes attributes) {
    return update("phone_numbers", "PhoneNumber", phoneNumberId, attributes.asMap(), r -> Mappers.phone(r, null));
  }

  /** {@code DELETE /people/v2/phone_numbers/{phoneNumberId}}. */
  public void deletePhoneNumber(String phoneNumberId) {
    ctx.transport().delete(url("people/v2/phone_numbers/" + seg(phoneNumberId)), ctx.peopleVersion());
  }

  /** {@code GET /people/v2/people/{id}/addresses} (all pages). */
  public List<PcoAddress> addresses(String personId) {
    return nested(personId, "addresses", r -> Mappers.address(r, personId));
  }

  /** {@code POST /people/v2/people/{id}/addresses}. */
  public PcoAddress createAddress(String personId, AddressAttributes attributes) {
    return create(personId, "addresses", "Address", attributes.asMap(), r -> Mappers.address(r, personId));
  }

  /** {@code PATCH /people/v2/addresses/{addressId}}. */
  public PcoAddress updateAddress(String addressId, AddressAttributes attributes) {
    return update("addresses", "Address", addressId, attributes.asMap(), r -> Mappers.address(r, null));
  }

  /** {@code DELETE /people/v2/addresses/{addressId}}. */
  public void deleteAddress(String addressId) {
    ctx.transport().delete(url("people/v2/addresses/" + seg(addressId)), ctx.peopleVersion());
  }

  // ---------------------------------------------------------------------------------------------
  // custom fields

  /** All custom field definitions ({@code GET /people/v2/field_definitions}). */
  public List<PcoFieldDefinition> fieldDefinitions() {
    return all("people/v2/field_definitions", Map.of("per_page", "100"), Mappers::fieldDefinition);
  }

  /** A person's custom field values ({@code GET /people/v2/people/{id}/field_data}). */
  public List<PcoFieldDatum> fieldData(String personId) {
    return nested(personId, "field_data", r -> Mappers.fieldDatum(r, personId));
  }

  /** {@code POST /people/v2/people/{id}/field_data} with {@code field_definition_id} and {@code value}. */
  public PcoFieldDatum createFieldDatum(String personId, String fieldDefinitionId, String value) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("field_definition_id", fieldDefinitionId);
    attrs.put("value", value);
    return create(personId, "field_data", "FieldDatum", attrs, r -> Mappers.fieldDatum(r, personId));
  }

  /** {@code PATCH /people/v2/field_data/{id}} with a new {@code value}. */
  public PcoFieldDatum updateFieldDatum(String fieldDatumId, String value) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("value", value);
    return update("field_data", "FieldDatum", fieldDatumId, attrs, r -> Mappers.fieldDatum(r, null));
  }

  /** {@code DELETE /people/v2/field_data/{id}}. */
  public void deleteFieldDatum(String fieldDatumId) {
    ctx.transport().delete(url("people/v2/field_data/" + seg(fieldDatumId)), ctx.peopleVersion());
  }

  // ---------------------------------------------------------------------------------------------
  // merges, apps

  /**
   * Merges recorded since {@code since} (all when null), oldest first ({@code GET
   * /people/v2/person_mergers?where[created_at][gte]=..&order=created_at}). Merging through the
   * API is not possible; this is read-only history.
   */
  public List<PcoPersonMerger> mergers(@Nullable Instant since) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("order", "created_at");
    if (since != null) {
      q.put("where[created_at][gte]", since.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    q.put("per_page", "100");
    return all("people/v2/person_mergers", q, Mappers::merger);
  }

  /** The products of the organization ({@code GET /people/v2/apps}). */
  public List<PcoApp> apps() {
    return all("people/v2/apps", Map.of("per_page", "100"), Mappers::app);
  }

  /** A person's product access ({@code GET /people/v2/people/{id}/person_apps}). */
  public List<PcoPersonApp> personApps(String personId) {
    return nested(personId, "person_apps", r -> Mappers.personApp(r, personId));
  }

  /**
   * Gives a person access to a product ({@code POST /people/v2/people/{id}/person_apps} with {@code
   * app_id}); see {@link PcoServices#addToServices} for Services.
   */
  public PcoPersonApp addPersonApp(String personId, String appId) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("app_id", appId);
    return create(personId, "person_apps", "PersonApp", attrs, r -> Mappers.personApp(r, personId));
  }

  PcoPersonApp addPersonApp(String personId, Map<String, Object> attrs) {
    return create(personId, "person_apps", "PersonApp", attrs, r -> Mappers.personApp(r, personId));
  }

  // ---------------------------------------------------------------------------------------------
  // photos

  /**
   * Uploads a file to PCO's upload host ({@code POST {uploadBaseUrl}/v2/files}, multipart field
   * {@code file}). The returned id expires after about an hour: attach it promptly.
   */
  public UploadedFile uploadFile(String fileName, String contentType, byte[] content) {
    requireNonNull(content, "content == null");
    JsonApiDocument doc =
        ctx.transport()
            .upload(ctx.transport().uploadUrl("v2/files"), fileName, contentType, content.clone());
    return Mappers.uploadedFile(doc.single());
  }

  /** Sets a person's photo to an uploaded file ({@code PATCH} {@code avatar = fileId}). */
  public PcoPerson setAvatar(String personId, String fileId) {
    return update(personId, PersonAttributes.builder().avatar(fileId).build());
  }

  /** {@link #uploadFile} then {@link #setAvatar}. */
  public PcoPerson uploadAvatar(String personId, String fileName, String contentType, byte[] image) {
    return setAvatar(personId, uploadFile(fileName, contentType, image).id());
  }

  // ---------------------------------------------------------------------------------------------

  private <T> List<T> nested(String personId, String collection, Function<Resource, T> map) {
    return all("people/v2/people/" + seg(personId) + "/" + collection, Map.of("per_page", "100"), map);
  }

  private <T> List<T> all(String path, Map<String, String> params, Function<Resource, T> map) {
    return Pager.stream(
            offset ->
                page(path, params, offset, doc -> doc.data().stream().map(map).toList()))
        .toList();
  }

  private <T> T create(
      String personId,
      String collection,
      String type,
      Map<String, ? extends @Nullable Object> attrs,
      Function<Resource, T> map) {
    JsonApiDocument doc =
        ctx.transport()
            .post(
                url("people/v2/people/" + seg(personId) + "/" + collection),
                ctx.peopleVersion(),
                Bodies.resource(type, null, attrs));
    return map.apply(required(doc, "POST " + collection).single());
  }

  private <T> T update(
      String collection,
      String type,
      String id,
      Map<String, ? extends @Nullable Object> attrs,
      Function<Resource, T> map) {
    JsonApiDocument doc =
        ctx.transport()
            .patch(
                url("people/v2/" + collection + "/" + seg(id)),
                ctx.peopleVersion(),
                Bodies.resource(type, id, attrs));
    return map.apply(required(doc, "PATCH " + collection).single());
  }

  static JsonApiDocument required(@Nullable JsonApiDocument doc, String what) {
    if (doc == null || doc.data().isEmpty()) {
      throw new PcoParseException(what, "", "expected a resource in the response, got none", null);
    }
    return doc;
  }

  /** Rejects ids that would change the path (they are always PCO's numeric or uuid ids). */
  static String seg(String id) {
    requireNonNull(id, "id == null");
    if (id.isEmpty() || id.contains("/") || id.contains("?") || id.contains("#") || id.contains("..")) {
      throw new IllegalArgumentException("invalid PCO id: " + id);
    }
    return id;
  }
}
