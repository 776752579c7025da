package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A person's access to a product ({@code /people/v2/people/{id}/person_apps}). Immutable and
 * thread-safe.
 */
public record PcoPersonApp(
    String id,
    @Nullable String personId,
    @Nullable String appId,
    @Nullable Boolean allowPcoLogin,
    @Nullable String peoplePermissions) {
  public PcoPersonApp {
    requireNonNull(id, "id == null");
  }
}
