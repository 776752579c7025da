package org.pcosync.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.Gender;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.core.FieldChange;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncOperation.ContactAction;
import org.pcosync.core.port.PersonAttribute;

/**
 * Builds the operations that set chosen values on one side of a linked person (for reverts and
 * resolved conflicts), from that side's current state. Values are typed as {@link PersonData#get}
 * types them. Not thread-safe; one instance per person.
 */
final class FieldWrites {
  private final NameMapping mapping;
  private final Fields.PcoSide pco;
  private final Map<PersonAttribute, String> patch = new EnumMap<>(PersonAttribute.class);
  private final List<FieldChange> patchChanges = new ArrayList<>();
  private final List<SyncOperation> contactOps = new ArrayList<>();
  private final Set<SyncField> hostFields = EnumSet.noneOf(SyncField.class);
  private PersonData hostValues = PersonData.builder().build();
  private final List<FieldChange> hostChanges = new ArrayList<>();

  FieldWrites(NameMapping mapping, Fields.PcoSide pco) {
    this.mapping = mapping;
    this.pco = pco;
  }

  /**
   * Returns a normalised value as the typed value that writes it, or throws {@link
   * IllegalArgumentException} for fields whose normalised form cannot be written back (an address
   * keeps only a comparison key, a photo a content hash).
   */
  static Object typed(SyncField f, String normalised) {
    if (normalised == null) {
      return null;
    }
    switch (f) {
      case GENDER:
        return Gender.valueOf(normalised);
      case BIRTHDATE:
      case ANNIVERSARY:
        return LocalDate.parse(normalised);
      case HOME_ADDRESS:
      case PHOTO:
        throw new IllegalArgumentException("the journal keeps only a " + (f == SyncField.PHOTO ? "content hash"
            : "comparison key (the whole address could not be read before the run)") + " of " + f);
      default:
        return normalised;
    }
  }

  /** Sets a person-data field in PCO; returns {@code false} when it cannot be written (email cleared). */
  boolean pco(SyncField f, Object value, FieldChange change) {
    if (Fields.ATTRIBUTE_FIELDS.contains(f)) {
      patch.put(Fields.attribute(f, mapping), Fields.pcoText(f, value));
      patchChanges.add(change);
      return true;
    }
    String entry = pco.entryIds().get(f);
    if (f == SyncField.EMAIL) {
      if (value == null) {
        return false; // PCO emails are never deleted
      }
      String existing = pco.emailIds().get(Fields.normalise(f, value));
      contactOps.add(existing != null
          ? new SyncOperation.WritePcoContact(change, ContactAction.MAKE_PRIMARY, existing, (String) value, null)
          : entry != null ? new SyncOperation.WritePcoContact(change, ContactAction.UPDATE, entry, (String) value, null)
          : new SyncOperation.WritePcoContact(change, ContactAction.ADD, null, (String) value, null));
      return true;
    }
    if (f.phoneType() == null && f != SyncField.HOME_ADDRESS) {
      return false;
    }
    if (value == null) {
      if (entry != null) {
        contactOps.add(new SyncOperation.WritePcoContact(change, ContactAction.DELETE, entry, null, null));
      }
      return true;
    }
    String text = f == SyncField.HOME_ADDRESS ? null : (String) value;
    PostalAddress address = f == SyncField.HOME_ADDRESS ? (PostalAddress) value : null;
    contactOps.add(entry != null
        ? new SyncOperation.WritePcoContact(change, ContactAction.UPDATE, entry, text, address)
        : new SyncOperation.WritePcoContact(change, ContactAction.ADD, null, text, address));
    return true;
  }

  /** Sets a person-data field on the host. */
  void host(SyncField f, Object value, FieldChange change) {
    hostFields.add(f);
    hostValues = hostValues.with(f, value);
    hostChanges.add(change);
  }

  /** Returns the operations, PCO first, in the order a plan runs them. */
  List<SyncOperation> operations() {
    List<SyncOperation> ops = new ArrayList<>();
    if (!patch.isEmpty()) {
      ops.add(new SyncOperation.UpdatePcoPerson(patch, patchChanges));
    }
    ops.addAll(contactOps);
    if (!hostFields.isEmpty()) {
      ops.add(new SyncOperation.UpdateHostPerson(new PersonChanges(hostFields, hostValues), hostChanges));
    }
    return ops;
  }
}
