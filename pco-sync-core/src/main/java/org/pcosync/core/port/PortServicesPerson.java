package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import org.pcosync.api.ServicesState;

/**
 * A person in PCO Services: permission level or archived, organization-admin flag and person tags.
 * Immutable and thread-safe.
 *
 * @param id the person id (shared with People)
 * @param state active at a level, or archived (never {@link ServicesState#ABSENT})
 * @param siteAdministrator whether the person is an organization administrator
 * @param tagIds the ids of the person's Services tags
 * @param updatedAt nullable when unknown
 */
public record PortServicesPerson(
    String id, ServicesState state, boolean siteAdministrator, Set<String> tagIds, Instant updatedAt) {
  public PortServicesPerson {
    requireNonNull(id, "id == null");
    requireNonNull(state, "state == null");
    tagIds = Set.copyOf(requireNonNull(tagIds, "tagIds == null"));
  }
}
