package org.pcosync.core.scenario;

import java.util.List;
import java.util.Set;
import org.pcosync.core.port.PcoPort;

/**
 * PCO as a scenario sees it: the port the engine talks to, plus what an admin does in PCO's web UI
 * and what a test inspects. Implemented over the in-memory port and over the fake PCO, so every
 * scenario runs on both.
 */
interface PcoWorld extends AutoCloseable {

  /** The port the engine uses. */
  PcoPort port();

  /** The base URL accounts point at. */
  String baseUrl();

  /** Adds a person as an admin in PCO would (not logged as a sync write); returns the id. */
  String addPerson(String firstName, String lastName, String email);

  /** Returns a People attribute of a person (PCO names: {@code first_name}, …), or {@code null}. */
  String attribute(String id, String apiName);

  /** Edits a People attribute as an admin in PCO would ({@code updated_at} moves). */
  void setAttribute(String id, String apiName, String value);

  /** Returns the addresses of a person's emails. */
  List<String> emails(String id);

  /** Returns the numbers of a person's phone numbers. */
  List<String> phones(String id);

  /** Adds a phone number as an admin would. */
  void addPhone(String id, String number, String location, boolean primary);

  /** Returns how many People people exist. */
  int peopleCount();

  /** Returns the ids of people with this last name. */
  List<String> idsWithLastName(String lastName);

  /** Adds a person tag group; returns its id. */
  String addTagGroup(String name);

  /** Adds a tag to a group; returns its id. */
  String addTag(String groupId, String name);

  /** Returns a Services person's tag ids. */
  Set<String> tags(String id);

  /** Sets a Services person's tags as an admin would (does not bump updated_at). */
  void setTags(String id, Set<String> tagIds);

  /** Returns the Services state: a level ("Editor"), "Archived", or {@code null} when not in Services. */
  String servicesState(String id);

  /** Puts a person into Services at a level, as an admin would. */
  void addToServices(String id, String permissions);

  /** Makes a person the account's own user ({@code /me}). */
  void setMe(String id);

  /** Marks a person as an organization administrator. */
  void setOrganizationAdmin(String id);

  /** Returns the id of a Services email template usable as the welcome email. */
  String welcomeTemplateId();

  /** Returns the ids of people a welcome email was sent to. */
  List<String> welcomeEmailRecipients();

  /** Returns the sync's writes so far as "METHOD /path" (retries included), oldest first. */
  List<String> writes();

  /** Forgets the request log. */
  void clearRequests();

  /** The next person create reaches PCO, but its response is lost. */
  void loseNextCreateResponse();

  /** Every PATCH of a People person fails with a 500 until {@link #heal()}. */
  void failPersonPatches();

  /** Every person create is rejected with a 422 until {@link #heal()}. */
  void rejectPersonCreates();

  /** A value PCO rejects with a 422: phone numbers containing this text. */
  void rejectPhoneNumbersContaining(String text);

  /** Removes scripted faults. */
  void heal();

  @Override
  void close();
}
