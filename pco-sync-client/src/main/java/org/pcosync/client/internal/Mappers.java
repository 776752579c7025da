package org.pcosync.client.internal;

import static org.pcosync.client.internal.Json.bool;
import static org.pcosync.client.internal.Json.boolOrFalse;
import static org.pcosync.client.internal.Json.date;
import static org.pcosync.client.internal.Json.instant;
import static org.pcosync.client.internal.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pcosync.client.EmailTemplate;
import org.pcosync.client.PcoAddress;
import org.pcosync.client.PcoApp;
import org.pcosync.client.PcoEmail;
import org.pcosync.client.PcoFieldDatum;
import org.pcosync.client.PcoFieldDefinition;
import org.pcosync.client.PcoPerson;
import org.pcosync.client.PcoPersonApp;
import org.pcosync.client.PcoPersonMerger;
import org.pcosync.client.PcoPhoneNumber;
import org.pcosync.client.PcoTag;
import org.pcosync.client.PcoTagGroup;
import org.pcosync.client.ServicesPerson;
import org.pcosync.client.UploadedFile;
import org.pcosync.client.WebhookSubscription;
import org.pcosync.client.internal.JsonApiDocument.Resource;

/** Maps JSON:API resources to the public model; lenient about version drift. */
public final class Mappers {
  private Mappers() {}

  /** {@code M}/{@code F} (before 2022-07-14) become {@code Male}/{@code Female}. */
  public static @Nullable String gender(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String g = raw.trim();
    if (g.equalsIgnoreCase("M") || g.equalsIgnoreCase("male")) {
      return "Male";
    }
    if (g.equalsIgnoreCase("F") || g.equalsIgnoreCase("female")) {
      return "Female";
    }
    return g;
  }

  public static PcoPerson person(Resource r, JsonApiDocument doc) {
    JsonNode a = r.attributes();
    List<PcoEmail> emails = new ArrayList<>();
    for (Resource e : doc.included(r, "emails")) {
      emails.add(email(e, r.id()));
    }
    List<PcoPhoneNumber> phones = new ArrayList<>();
    for (Resource p : doc.included(r, "phone_numbers")) {
      phones.add(phone(p, r.id()));
    }
    List<PcoAddress> addresses = new ArrayList<>();
    for (Resource ad : doc.included(r, "addresses")) {
      addresses.add(address(ad, r.id()));
    }
    return new PcoPerson(
        r.id(),
        str(a, "first_name"),
        str(a, "given_name"),
        str(a, "middle_name"),
        str(a, "last_name"),
        str(a, "nickname"),
        str(a, "name"),
        gender(str(a, "gender")),
        date(a, "birthdate"),
        date(a, "anniversary"),
        bool(a, "child"),
        str(a, "status"),
        bool(a, "site_administrator"),
        Json.lng(a, "remote_id"),
        str(a, "avatar"),
        str(a, "membership"),
        str(a, "people_permissions"),
        str(a, "login_identifier"),
        instant(a, "inactivated_at"),
        instant(a, "created_at"),
        instant(a, "updated_at"),
        emails,
        phones,
        addresses);
  }

  private static @Nullable String personId(Resource r, @Nullable String fallback) {
    String id = r.relationship("person").firstId();
    return id != null ? id : fallback;
  }

  public static PcoEmail email(Resource r, @Nullable String personId) {
    JsonNode a = r.attributes();
    return new PcoEmail(
        r.id(),
        personId(r, personId),
        str(a, "address"),
        str(a, "location"),
        boolOrFalse(a, "primary"),
        bool(a, "blocked"),
        instant(a, "created_at"),
        instant(a, "updated_at"));
  }

  public static PcoPhoneNumber phone(Resource r, @Nullable String personId) {
    JsonNode a = r.attributes();
    return new PcoPhoneNumber(
        r.id(),
        personId(r, personId),
        str(a, "number"),
        str(a, "location"),
        boolOrFalse(a, "primary"),
        str(a, "e164"),
        str(a, "carrier"),
        str(a, "country_code"),
        str(a, "national"),
        str(a, "international"),
        instant(a, "created_at"),
        instant(a, "updated_at"));
  }

  public static PcoAddress address(Resource r, @Nullable String personId) {
    JsonNode a = r.attributes();
    String line1 = str(a, "street_line_1");
    String line2 = str(a, "street_line_2");
    if (line1 == null && line2 == null) {
      line1 = str(a, "street"); // API versions before 2023-03-21
    }
    return new PcoAddress(
        r.id(),
        personId(r, personId),
        line1,
        line2,
        str(a, "city"),
        str(a, "state"),
        str(a, "zip"),
        str(a, "country_code"),
        str(a, "location"),
        boolOrFalse(a, "primary"),
        instant(a, "created_at"),
        instant(a, "updated_at"));
  }

  public static PcoPersonMerger merger(Resource r) {
    JsonNode a = r.attributes();
    String keep = str(a, "person_to_keep_id");
    String remove = str(a, "person_to_remove_id");
    if (keep == null) {
      keep = r.relationship("person_to_keep").firstId();
    }
    if (remove == null) {
      remove = r.relationship("person_to_remove").firstId();
    }
    return new PcoPersonMerger(
        r.id(), keep == null ? "" : keep, remove == null ? "" : remove, instant(a, "created_at"));
  }

  public static PcoFieldDefinition fieldDefinition(Resource r) {
    JsonNode a = r.attributes();
    String tab = str(a, "tab_id");
    if (tab == null) {
      tab = r.relationship("tab").firstId();
    }
    return new PcoFieldDefinition(
        r.id(),
        str(a, "name"),
        str(a, "slug"),
        str(a, "data_type"),
        Json.integer(a, "sequence"),
        tab,
        instant(a, "deleted_at"));
  }

  public static PcoFieldDatum fieldDatum(Resource r, @Nullable String personId) {
    JsonNode a = r.attributes();
    String def = r.relationship("field_definition").firstId();
    if (def == null) {
      def = str(a, "field_definition_id");
    }
    String owner = r.relationship("customizable").firstId();
    if (owner == null) {
      owner = r.relationship("person").firstId();
    }
    return new PcoFieldDatum(r.id(), owner == null ? personId : owner, def, str(a, "value"));
  }

  public static PcoApp app(Resource r) {
    return new PcoApp(r.id(), str(r.attributes(), "name"), str(r.attributes(), "url"));
  }

  public static PcoPersonApp personApp(Resource r, @Nullable String personId) {
    JsonNode a = r.attributes();
    String app = r.relationship("app").firstId();
    if (app == null) {
      app = str(a, "app_id");
    }
    return new PcoPersonApp(
        r.id(), personId(r, personId), app, bool(a, "allow_pco_login"), str(a, "people_permissions"));
  }

  public static UploadedFile uploadedFile(Resource r) {
    JsonNode a = r.attributes();
    return new UploadedFile(
        r.id(),
        str(a, "name"),
        str(a, "content_type"),
        Json.lng(a, "file_size"),
        str(a, "md5"),
        instant(a, "expires_at"));
  }

  public static ServicesPerson servicesPerson(Resource r) {
    JsonNode a = r.attributes();
    JsonApiDocument.Relationship tags = r.relationship("tags");
    List<String> tagIds = new ArrayList<>();
    tags.data().forEach(t -> tagIds.add(t.id()));
    return new ServicesPerson(
        r.id(),
        str(a, "first_name"),
        str(a, "last_name"),
        str(a, "full_name"),
        str(a, "permissions"),
        str(a, "status"),
        bool(a, "archived"),
        instant(a, "archived_at"),
        bool(a, "site_administrator"),
        str(a, "photo_url"),
        instant(a, "created_at"),
        instant(a, "updated_at"),
        tagIds,
        tags.present());
  }

  public static PcoTagGroup tagGroup(Resource r) {
    JsonNode a = r.attributes();
    return new PcoTagGroup(
        r.id(),
        str(a, "name"),
        bool(a, "required"),
        bool(a, "allow_multiple_selections"),
        str(a, "tags_for"));
  }

  public static PcoTag tag(Resource r, @Nullable String tagGroupId) {
    String group = r.relationship("tag_group").firstId();
    return new PcoTag(r.id(), str(r.attributes(), "name"), group == null ? tagGroupId : group);
  }

  public static EmailTemplate emailTemplate(Resource r) {
    JsonNode a = r.attributes();
    return new EmailTemplate(
        r.id(),
        str(a, "kind"),
        str(a, "subject"),
        str(a, "html_body"),
        instant(a, "created_at"),
        instant(a, "updated_at"));
  }

  public static WebhookSubscription webhookSubscription(Resource r) {
    JsonNode a = r.attributes();
    String name = str(a, "name");
    return new WebhookSubscription(
        r.id(),
        name == null ? "" : name,
        str(a, "url"),
        boolOrFalse(a, "active"),
        str(a, "authenticity_secret"),
        str(a, "application_id"),
        instant(a, "created_at"),
        instant(a, "updated_at"));
  }
}
