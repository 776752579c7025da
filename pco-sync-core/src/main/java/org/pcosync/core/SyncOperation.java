package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PhotoRef;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.ServicesState;
import org.pcosync.api.SyncField;
import org.pcosync.core.port.PersonAttribute;

/**
 * One step of a {@link PersonPlan}: a typed write with its before and after values. Operations of
 * one person run in plan order; the PCO person id comes from the person plan (or, after a
 * {@link CreatePerson}, from its result). Every implementation is an immutable record with a
 * deterministic {@code toString()}.
 */
public sealed interface SyncOperation {

  /** Returns whether the operation writes PCO. */
  default boolean writesPco() {
    return false;
  }

  /** Returns whether the operation writes the host. */
  default boolean writesHost() {
    return false;
  }

  /**
   * Creates a People person with {@code attributes}; contact entries, Services and tags follow as
   * their own operations.
   *
   * @param attributes the attributes sent with the create
   * @param changes the fields the create writes (bases move to them)
   */
  record CreatePerson(Map<PersonAttribute, String> attributes, List<FieldChange> changes) implements SyncOperation {
    public CreatePerson {
      attributes = Map.copyOf(requireNonNull(attributes, "attributes == null"));
      changes = List.copyOf(requireNonNull(changes, "changes == null"));
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "CreatePerson" + new TreeMap<>(attributes);
    }
  }

  /**
   * Links the host person to an existing PCO person.
   *
   * @param pcoPersonId the PCO person
   * @param reason why, e.g. "matched name and email"
   */
  record LinkPerson(String pcoPersonId, String reason) implements SyncOperation {
    public LinkPerson {
      requireNonNull(pcoPersonId, "pcoPersonId == null");
      requireNonNull(reason, "reason == null");
    }

    @Override
    public String toString() {
      return "LinkPerson[" + pcoPersonId + ", " + reason + "]";
    }
  }

  /**
   * PATCHes People person attributes in one request.
   *
   * @param attributes PCO attribute → value ({@code null} clears)
   * @param changes the fields written
   */
  record UpdatePcoPerson(Map<PersonAttribute, String> attributes, List<FieldChange> changes) implements SyncOperation {
    public UpdatePcoPerson {
      attributes = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(requireNonNull(attributes)));
      changes = List.copyOf(requireNonNull(changes, "changes == null"));
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "UpdatePcoPerson" + changes;
    }
  }

  /** What a {@link WritePcoContact} does to the entry. */
  enum ContactAction {
    /** Add a new entry. */
    ADD,
    /** Change the mapped entry. */
    UPDATE,
    /** Make an existing email the primary one. */
    MAKE_PRIMARY,
    /** Delete the mapped entry (phones and addresses only, when the host cleared the value). */
    DELETE
  }

  /**
   * Writes an email, phone or address entry of the PCO person.
   *
   * @param change the field written (EMAIL, a phone field or HOME_ADDRESS)
   * @param action what happens to the entry
   * @param entryId the existing entry's id; {@code null} for {@link ContactAction#ADD}
   * @param value the email or phone number as written; {@code null} for addresses and deletes
   * @param address the address written; {@code null} otherwise
   */
  record WritePcoContact(FieldChange change, ContactAction action, String entryId, String value, PostalAddress address)
      implements SyncOperation {
    public WritePcoContact {
      requireNonNull(change, "change == null");
      requireNonNull(action, "action == null");
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "WritePcoContact[" + action + (entryId == null ? "" : " " + entryId) + ", " + change + "]";
    }
  }

  /**
   * Uploads the host photo and sets it as the PCO avatar.
   *
   * @param change PHOTO: content hashes
   * @param photo the photo to upload
   */
  record UploadPhoto(FieldChange change, PhotoRef photo) implements SyncOperation {
    public UploadPhoto {
      requireNonNull(change, "change == null");
      requireNonNull(photo, "photo == null");
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "UploadPhoto[" + change + "]";
    }
  }

  /**
   * Writes PCO values to the host person, in one {@code update} call.
   *
   * @param personChanges what the host is asked to change
   * @param changes the fields written
   */
  record UpdateHostPerson(PersonChanges personChanges, List<FieldChange> changes) implements SyncOperation {
    public UpdateHostPerson {
      requireNonNull(personChanges, "personChanges == null");
      changes = List.copyOf(requireNonNull(changes, "changes == null"));
    }

    @Override
    public boolean writesHost() {
      return true;
    }

    @Override
    public String toString() {
      return "UpdateHostPerson" + changes;
    }
  }

  /**
   * Adds the People person to Services (as Scheduled Viewer).
   *
   * @param welcomeTemplateId the welcome email template; {@code null} sends none
   */
  record AddToServices(String welcomeTemplateId) implements SyncOperation {
    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "AddToServices[welcome=" + (welcomeTemplateId == null ? "none" : welcomeTemplateId) + "]";
    }
  }

  /**
   * Sets the Services permission level.
   *
   * @param before the Services state before
   * @param after the new level
   */
  record SetPermission(ServicesState before, PermissionLevel after) implements SyncOperation {
    public SetPermission {
      requireNonNull(before, "before == null");
      requireNonNull(after, "after == null");
    }

    /** Returns whether this raises the person (from absent, archived or a lower level). */
    public boolean isRaise() {
      return before.isRaisedBy(after);
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return (isRaise() ? "Raise" : "Lower") + "Permission[" + before + " -> " + after.pcoValue() + "]";
    }
  }

  /**
   * Archives the person in Services.
   *
   * @param before the Services state before
   */
  record Archive(ServicesState before) implements SyncOperation {
    public Archive {
      requireNonNull(before, "before == null");
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "Archive[" + before + " -> Archived]";
    }
  }

  /**
   * Replaces the person's whole Services tag set.
   *
   * @param before the PCO tag ids before
   * @param after the tag ids assigned
   */
  record AssignTags(Set<String> before, Set<String> after) implements SyncOperation {
    public AssignTags {
      before = Set.copyOf(requireNonNull(before, "before == null"));
      after = Set.copyOf(requireNonNull(after, "after == null"));
    }

    @Override
    public boolean writesPco() {
      return true;
    }

    @Override
    public String toString() {
      return "AssignTags[" + new TreeSet<>(before) + " -> " + new TreeSet<>(after) + "]";
    }
  }

  /**
   * Rewrites the host's "PCO Tags" attribute.
   *
   * @param before the selected tag ids before
   * @param after the tag ids selected
   */
  record SetHostTags(Set<String> before, Set<String> after) implements SyncOperation {
    public SetHostTags {
      before = Set.copyOf(requireNonNull(before, "before == null"));
      after = Set.copyOf(requireNonNull(after, "after == null"));
    }

    @Override
    public boolean writesHost() {
      return true;
    }

    @Override
    public String toString() {
      return "SetHostTags[" + new TreeSet<>(before) + " -> " + new TreeSet<>(after) + "]";
    }
  }

  /**
   * Moves bases without writing: both sides agree already.
   *
   * @param moves the bases
   */
  record MoveBases(List<BaseMove> moves) implements SyncOperation {
    public MoveBases {
      moves = List.copyOf(requireNonNull(moves, "moves == null"));
    }

    @Override
    public String toString() {
      return "MoveBases" + moves;
    }
  }

  /** Returns the fields the operation changes (for reports); empty for links and base moves. */
  default List<SyncField> fields() {
    if (this instanceof UpdatePcoPerson u) {
      return u.changes().stream().map(FieldChange::field).toList();
    }
    if (this instanceof UpdateHostPerson u) {
      return u.changes().stream().map(FieldChange::field).toList();
    }
    if (this instanceof WritePcoContact w) {
      return List.of(w.change().field());
    }
    if (this instanceof UploadPhoto u) {
      return List.of(SyncField.PHOTO);
    }
    if (this instanceof SetPermission || this instanceof Archive || this instanceof AddToServices) {
      return List.of(SyncField.PERMISSION);
    }
    if (this instanceof AssignTags || this instanceof SetHostTags) {
      return List.of(SyncField.TAGS);
    }
    return List.of();
  }
}
