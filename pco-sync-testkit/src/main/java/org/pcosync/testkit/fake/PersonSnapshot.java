package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A copy of one People person as the fake holds it, with their emails, phone numbers and addresses.
 * Attribute names are PCO's ({@code first_name}, {@code updated_at}...), newest version shape.
 *
 * @param id the PCO person id
 * @param attributes a private copy of the person's attributes
 * @param emails the person's emails by id
 * @param phoneNumbers the person's phone numbers by id
 * @param addresses the person's addresses by id
 *
 * <p>Immutable and thread-safe.
 */
public record PersonSnapshot(String id, ObjectNode attributes, List<ResourceSnapshot> emails,
    List<ResourceSnapshot> phoneNumbers, List<ResourceSnapshot> addresses) {

  /** Copies everything. */
  public PersonSnapshot {
    requireNonNull(id, "id == null");
    attributes = requireNonNull(attributes, "attributes == null").deepCopy();
    emails = List.copyOf(emails);
    phoneNumbers = List.copyOf(phoneNumbers);
    addresses = List.copyOf(addresses);
  }

  /** A copy of the attributes. */
  @Override
  public ObjectNode attributes() {
    return attributes.deepCopy();
  }

  /** The text of attribute {@code name}, empty when null or absent. */
  public Optional<String> attribute(String name) {
    JsonNode v = attributes.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  public String firstName() {
    return attribute("first_name").orElse(null);
  }

  public String lastName() {
    return attribute("last_name").orElse(null);
  }

  public Instant createdAt() {
    return Instant.parse(attributes.get("created_at").asText());
  }

  public Instant updatedAt() {
    return Instant.parse(attributes.get("updated_at").asText());
  }

  /** The email addresses, in id order. */
  public List<String> emailAddresses() {
    return emails.stream().map(e -> e.attribute("address").orElse("")).collect(Collectors.toList());
  }

  /** The PCO-formatted phone numbers ({@code number}), in id order. */
  public List<String> phoneNumberValues() {
    return phoneNumbers.stream().map(e -> e.attribute("number").orElse("")).collect(Collectors.toList());
  }
}
