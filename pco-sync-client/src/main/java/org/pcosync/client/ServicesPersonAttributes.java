package org.pcosync.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes to send when creating or updating a Services person (Services has no create; update only): only attributes that were set are sent.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <pre>{@code
 * ServicesPersonAttributes attrs = ServicesPersonAttributes.builder().permissions("Scheduler").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class ServicesPersonAttributes extends PcoAttributes {

  private ServicesPersonAttributes(Map<String, @Nullable Object> values) {
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

  /** Builds {@link ServicesPersonAttributes}; a {@code null} argument means "clear this attribute". */
  public static final class Builder extends PcoAttributes.Builder<Builder, ServicesPersonAttributes> {

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets {@code permissions}; null clears it. */
    public Builder permissions(@Nullable String value) {
      return set("permissions", value);
    }

    /** Sets {@code media_permissions}; null clears it. */
    public Builder mediaPermissions(@Nullable String value) {
      return set("media_permissions", value);
    }

    /** Sets {@code song_permissions}; null clears it. */
    public Builder songPermissions(@Nullable String value) {
      return set("song_permissions", value);
    }

    /** Sets {@code preferred_app}; null clears it. */
    public Builder preferredApp(@Nullable String value) {
      return set("preferred_app", value);
    }

    @Override
    public ServicesPersonAttributes build() {
      return new ServicesPersonAttributes(values);
    }
  }
}
