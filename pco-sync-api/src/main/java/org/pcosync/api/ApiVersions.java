package org.pcosync.api;

/**
 * The {@code X-PCO-API-Version} pinned per PCO product. Immutable and thread-safe.
 *
 * @param people People API version
 * @param services Services API version
 * @param webhooks Webhooks API version
 */
public record ApiVersions(String people, String services, String webhooks) {

  /** The versions pco-sync is built and tested against. */
  public static final ApiVersions DEFAULT = new ApiVersions("2023-03-21", "2018-11-01", "2022-10-20");

  /** Validates the components. */
  public ApiVersions {
    HostPerson.requireNonBlank(people, "people");
    HostPerson.requireNonBlank(services, "services");
    HostPerson.requireNonBlank(webhooks, "webhooks");
  }
}
