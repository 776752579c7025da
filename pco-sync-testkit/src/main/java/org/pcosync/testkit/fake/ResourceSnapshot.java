package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A copy of one stored resource (an email, phone number, address...) with attributes in the newest
 * People shape.
 *
 * @param type the JSON:API type, e.g. {@code "Email"}
 * @param id the id
 * @param attributes a private copy of the attributes
 *
 * <p>Immutable and thread-safe (attributes are copied in and out).
 */
public record ResourceSnapshot(String type, String id, ObjectNode attributes) {
  /** Copies the attributes. */
  public ResourceSnapshot {
    requireNonNull(type, "type == null");
    requireNonNull(id, "id == null");
    attributes = requireNonNull(attributes, "attributes == null").deepCopy();
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
}
