package org.pcosync.client;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes to send when creating or updating a People person: only attributes that were set are sent.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <pre>{@code
 * PersonAttributes attrs = PersonAttributes.builder().firstName("Ada").lastName("Lovelace").middleName(null).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class PersonAttributes extends PcoAttributes {

  private PersonAttributes(Map<String, @Nullable Object> values) {
    super(values);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these attributes. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.values.putAll(asMap());
    return b;
  }

  /** Builds {@link PersonAttributes}; a {@code null} argument means "clear this attribute". */
  public static final class Builder extends PcoAttributes.Builder<Builder, PersonAttributes> {

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets {@code first_name}; null clears it. */
    public Builder firstName(@Nullable String value) {
      return set("first_name", value);
    }

    /** Sets {@code given_name}; null clears it. */
    public Builder givenName(@Nullable String value) {
      return set("given_name", value);
    }

    /** Sets {@code middle_name}; null clears it. */
    public Builder middleName(@Nullable String value) {
      return set("middle_name", value);
    }

    /** Sets {@code last_name}; null clears it. */
    public Builder lastName(@Nullable String value) {
      return set("last_name", value);
    }

    /** Sets {@code nickname}; null clears it. */
    public Builder nickname(@Nullable String value) {
      return set("nickname", value);
    }

    /** Sets {@code gender}; null clears it. */
    public Builder gender(@Nullable String value) {
      return set("gender", value);
    }

    /** Sets {@code birthdate}; null clears it. */
    public Builder birthdate(@Nullable LocalDate value) {
      return set("birthdate", value);
    }

    /** Sets {@code anniversary}; null clears it. */
    public Builder anniversary(@Nullable LocalDate value) {
      return set("anniversary", value);
    }

    /** Sets {@code child}; null clears it. */
    public Builder child(@Nullable Boolean value) {
      return set("child", value);
    }

    /** Sets {@code status}; null clears it. */
    public Builder status(@Nullable String value) {
      return set("status", value);
    }

    /** Sets {@code site_administrator}; null clears it. */
    public Builder siteAdministrator(@Nullable Boolean value) {
      return set("site_administrator", value);
    }

    /** Sets {@code remote_id}; null clears it. */
    public Builder remoteId(@Nullable Long value) {
      return set("remote_id", value);
    }

    /** Sets {@code membership}; null clears it. */
    public Builder membership(@Nullable String value) {
      return set("membership", value);
    }

    /** Sets {@code people_permissions}; null clears it. */
    public Builder peoplePermissions(@Nullable String value) {
      return set("people_permissions", value);
    }

    /** Sets {@code avatar}; null clears it. */
    public Builder avatar(@Nullable String value) {
      return set("avatar", value);
    }

    /** Sets {@code primary_campus_id}; null clears it. */
    public Builder primaryCampusId(@Nullable String value) {
      return set("primary_campus_id", value);
    }

    @Override
    public PersonAttributes build() {
      return new PersonAttributes(values);
    }
  }
}
