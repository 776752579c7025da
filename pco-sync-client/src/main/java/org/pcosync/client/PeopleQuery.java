package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which People people to list: filters ({@code where[...]}), order, includes and page size.
 *
 * <pre>{@code
 * PeopleQuery delta = PeopleQuery.builder().updatedSince(lastRun).build();
 * // GET /people/v2/people?include=emails,phone_numbers,addresses&order=updated_at
 * //     &where[updated_at][gte]=2026-11-23T10:00:00Z&per_page=100
 * }</pre>
 *
 * <p>By default emails, phone numbers and addresses are included (one request per page instead of
 * four per person) and {@code per_page} is 100, PCO's maximum. {@code where} matching in PCO is
 * case-insensitive; {@code %} at either end of a value is a wildcard. Immutable and thread-safe.
 */
public final class PeopleQuery {
  /** The contact relationships included by default. */
  public static final List<String> CONTACT_INCLUDES = List.of("emails", "phone_numbers", "addresses");

  private final Map<String, String> where;
  private final List<String> include;
  private final @Nullable String order;
  private final int perPage;

  private PeopleQuery(Builder b) {
    this.where = Collections.unmodifiableMap(new LinkedHashMap<>(b.where));
    this.include = List.copyOf(b.include);
    this.order = b.order;
    this.perPage = b.perPage;
  }

  /** Everybody, contacts included, in PCO's default order. */
  public static PeopleQuery all() {
    return builder().build();
  }

  /** People whose {@code updated_at} is at or after {@code since}, oldest change first. */
  public static PeopleQuery updatedSince(Instant since) {
    return builder().updatedSince(since).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    b.where.putAll(where);
    b.include.clear();
    b.include.addAll(include);
    b.order = order;
    b.perPage = perPage;
    return b;
  }

  /** The {@code where[...]} filters, keyed by the part inside the brackets ({@code updated_at][gte}). */
  public Map<String, String> where() {
    return where;
  }

  public List<String> include() {
    return include;
  }

  public @Nullable String order() {
    return order;
  }

  public int perPage() {
    return perPage;
  }

  /** The query parameters, in a stable order (without {@code offset}). */
  Map<String, String> toParams() {
    Map<String, String> p = new LinkedHashMap<>();
    if (!include.isEmpty()) {
      p.put("include", String.join(",", include));
    }
    if (order != null) {
      p.put("order", order);
    }
    where.forEach((k, v) -> p.put("where[" + k + "]", v));
    p.put("per_page", Integer.toString(perPage));
    return p;
  }

  @Override
  public String toString() {
    return "PeopleQuery" + toParams();
  }

  /** Builds a {@link PeopleQuery}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> where = new LinkedHashMap<>();
    private final List<String> include = new ArrayList<>(CONTACT_INCLUDES);
    private @Nullable String order;
    private int perPage = 100;

    private Builder() {}

    /**
     * Adds {@code where[attribute]=value}; for operators pass e.g. {@code "updated_at][gte"}, or
     * use {@link #updatedSince}.
     */
    public Builder where(String attribute, String value) {
      where.put(requireNonNull(attribute, "attribute == null"), requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Adds {@code where[attribute][operator]=value}, e.g. {@code ("created_at", "gte",
     * "2026-01-01T00:00:00Z")}; operators are {@code gt}, {@code gte}, {@code lt}, {@code lte}.
     */
    public Builder where(String attribute, String operator, String value) {
      requireNonNull(operator, "operator == null");
      return where(requireNonNull(attribute, "attribute == null") + "][" + operator, value);
    }

    /**
     * {@code where[updated_at][gte]=<since as full UTC timestamp>} and {@code order=updated_at}.
     * A full timestamp is sent because date-only values are read in the organization's time zone.
     */
    public Builder updatedSince(Instant since) {
      where.put("updated_at][gte", since.truncatedTo(ChronoUnit.SECONDS).toString());
      order = "updated_at";
      return this;
    }

    /** {@code where[search_name_or_email]=value} (PCO also matches phone numbers here). */
    public Builder searchNameOrEmail(String value) {
      return where("search_name_or_email", value);
    }

    /** {@code where[search_name]=value}. */
    public Builder searchName(String value) {
      return where("search_name", value);
    }

    /** {@code where[remote_id]=value}. */
    public Builder remoteId(long remoteId) {
      return where("remote_id", Long.toString(remoteId));
    }

    /** {@code order=attribute}; prefix {@code -} for descending. */
    public Builder order(@Nullable String attribute) {
      this.order = attribute;
      return this;
    }

    /** Replaces the included relationships (default: emails, phone_numbers, addresses). */
    public Builder include(List<String> relationships) {
      include.clear();
      include.addAll(relationships);
      return this;
    }

    /** Page size, 1..100 (default 100). */
    public Builder perPage(int perPage) {
      if (perPage < 1 || perPage > 100) {
        throw new IllegalArgumentException("perPage must be 1..100: " + perPage);
      }
      this.perPage = perPage;
      return this;
    }

    public PeopleQuery build() {
      return new PeopleQuery(this);
    }
  }
}
