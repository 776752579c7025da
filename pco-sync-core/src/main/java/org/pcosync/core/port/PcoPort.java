package org.pcosync.core.port;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PostalAddress;

/**
 * What the sync engine needs from PCO People and Services, and nothing more. The engine never
 * builds HTTP requests; it calls this port. {@link ClientPcoPort} implements it over
 * {@code PcoClient}; {@link InMemoryPcoPort} in memory, for tests and benchmarks.
 *
 * <pre>{@code
 * PcoPort port = InMemoryPcoPort.builder().clock(clock).build();
 * Page<PortPerson> page = port.people(null, null);
 * }</pre>
 *
 * <p><b>Errors.</b> Every method may throw {@link PcoRejectedException}, {@link
 * PcoUnavailableException} or, for creates, {@link PcoOutcomeUnknownException}; authentication
 * failures are {@link org.pcosync.api.PcoSyncException}s with {@link
 * org.pcosync.api.ErrorCode#PCO_AUTHENTICATION}.
 *
 * <p><b>Threads.</b> Implementations must be thread-safe: the engine calls one port from several
 * threads of its executor at once (never twice concurrently for one person).
 */
public interface PcoPort {

  // ---- People reads ------------------------------------------------------------------------------

  /**
   * Returns one page (up to 100) of People people with emails, phone numbers and addresses.
   *
   * @param updatedSince only people with {@code updated_at >= updatedSince}, ordered by
   *     {@code updated_at}; {@code null} for everyone
   * @param pageToken {@code null} for the first page, else {@link Page#nextPageToken()}
   */
  Page<PortPerson> people(Instant updatedSince, String pageToken);

  /** Returns a person with emails, phone numbers and addresses, or empty when PCO has none. */
  Optional<PortPerson> person(String id);

  /** Returns the people having {@code email} among their emails (case-insensitive). */
  List<PortPerson> searchByEmail(String email);

  /** Returns the people whose {@code remote_id} is {@code remoteId}. */
  List<PortPerson> findByRemoteId(String remoteId);

  /**
   * Returns the people whose last name equals {@code lastName} (case-insensitive) and whose first,
   * given or nickname equals {@code firstName} (case-insensitive).
   */
  List<PortPerson> findByName(String firstName, String lastName);

  /** Returns the id of the account's own user ({@code /people/v2/me}). */
  String meId();

  /** Returns person merges made at or after {@code since}, oldest first. */
  List<PortMerger> mergersSince(Instant since);

  // ---- People writes -----------------------------------------------------------------------------

  /**
   * Creates a People person from attributes (absent = not sent).
   *
   * @return the created person (without emails, phones or addresses)
   * @throws PcoOutcomeUnknownException when the response was lost
   */
  PortPerson createPerson(Map<PersonAttribute, String> attributes);

  /**
   * PATCHes a person: each listed attribute is set, a {@code null} value clears it. One request.
   *
   * @return the person after the change
   */
  PortPerson updatePerson(String id, Map<PersonAttribute, String> attributes);

  /** Deletes a People person (and with it the Services person). */
  void deletePerson(String id);

  /** Adds an email. */
  PortEmail addEmail(String personId, String address, String location, boolean primary);

  /** Changes an email's address and primary flag. */
  PortEmail updateEmail(String emailId, String address, boolean primary);

  /** Adds a phone number at a location ("Home", "Work", "Mobile"). */
  PortPhone addPhone(String personId, String number, String location, boolean primary);

  /** Changes a phone number's number. */
  PortPhone updatePhone(String phoneId, String number);

  /** Deletes a phone number. */
  void deletePhone(String phoneId);

  /** Adds an address at a location. */
  PortAddress addAddress(String personId, PostalAddress address, String location, boolean primary);

  /** Replaces an address's components. */
  PortAddress updateAddress(String addressId, PostalAddress address);

  /** Deletes an address. */
  void deleteAddress(String addressId);

  /**
   * Uploads a photo to PCO's upload host and sets it as the person's avatar.
   *
   * @param content the bytes; the port closes the stream
   */
  void setAvatar(String personId, InputStream content, String contentType);

  // ---- Services ----------------------------------------------------------------------------------

  /**
   * Returns Services people with their tags, newest {@code updated_at} first, reading page by page
   * and stopping at the first person updated before {@code updatedSince} (Services people cannot be
   * filtered by {@code updated_at}). A person may appear twice when data changes while paging; the
   * later copy wins.
   *
   * @param updatedSince where to stop; {@code null} reads everyone
   */
  List<PortServicesPerson> servicesPeople(Instant updatedSince);

  /** Returns a Services person with tags, or empty when the person is not in Services. */
  Optional<PortServicesPerson> servicesPerson(String id);

  /**
   * Adds a People person to Services. Implemented through People {@code person_apps}; the welcome
   * email template is UNVERIFIED against a live organisation (pco-api.md §6.1).
   *
   * @param welcomeTemplateId the email template to send; {@code null} sends none
   */
  void addToServices(String personId, String welcomeTemplateId);

  /** Sets the Services permission level; an archived person becomes active again. */
  void setPermission(String personId, PermissionLevel level);

  /** Archives a Services person (UNVERIFIED request shape, see pco-api.md §6.1). */
  void archive(String personId);

  /** Replaces a Services person's whole tag set. */
  void assignTags(String personId, Set<String> tagIds);

  /** Returns the person tag groups with their tags. */
  List<PortTagGroup> tagGroups();
}
