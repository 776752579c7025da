package org.pcosync.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes to send when creating or updating a People email: only attributes that were set are sent.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <pre>{@code
 * EmailAttributes attrs = EmailAttributes.builder().address("ada@example.org").location("Home").primary(true).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class EmailAttributes extends PcoAttributes {

  private EmailAttributes(Map<String, @Nullable Object> values) {
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

  /** Builds {@link EmailAttributes}; a {@code null} argument means "clear this attribute". */
  public static final class Builder extends PcoAttributes.Builder<Builder, EmailAttributes> {

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets {@code address}; null clears it. */
    public Builder address(@Nullable String value) {
      return set("address", value);
    }

    /** Sets {@code location}; null clears it. */
    public Builder location(@Nullable String value) {
      return set("location", value);
    }

    /** Sets {@code primary}; null clears it. */
    public Builder primary(@Nullable Boolean value) {
      return set("primary", value);
    }

    @Override
    public EmailAttributes build() {
      return new EmailAttributes(values);
    }
  }
}
