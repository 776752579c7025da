package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

/**
 * A configuration of the one sync engine: which fields flow which way, how they are written, how
 * conflicts resolve, whether an email is required and whether PCO Services is touched. The four
 * integrations pco-sync unifies are the factories below; any rule can be changed with
 * {@link #withRule}. Immutable and thread-safe.
 *
 * @param name for reports
 * @param rules one rule per field; fields without a rule are not synchronised
 * @param requireEmail people without a valid email are skipped and reported
 * @param servicesEnabled whether the profile adds people to Services and syncs permissions and tags
 */
public record SyncProfile(String name, Map<SyncField, FieldRule> rules, boolean requireEmail, boolean servicesEnabled) {

  private static final SyncField[] CONTACT_FIELDS = {
    SyncField.FIRST_NAME, SyncField.NICKNAME, SyncField.MIDDLE_NAME, SyncField.LAST_NAME,
    SyncField.GENDER, SyncField.BIRTHDATE, SyncField.ANNIVERSARY, SyncField.EMAIL,
    SyncField.HOME_PHONE, SyncField.WORK_PHONE, SyncField.MOBILE_PHONE, SyncField.HOME_ADDRESS
  };

  /** Validates the components and normalises them. */
  public SyncProfile {
    requireNonNull(name, "name == null");
    requireNonNull(rules, "rules == null");
    EnumMap<SyncField, FieldRule> copy = new EnumMap<>(SyncField.class);
    rules.forEach(
        (f, r) -> {
          if (r.field() != f) {
            throw new IllegalArgumentException("rule for " + r.field() + " filed under " + f);
          }
          copy.put(f, r);
        });
    rules = Map.copyOf(copy);
    if (!servicesEnabled) {
      for (SyncField f : new SyncField[] {SyncField.PERMISSION, SyncField.TAGS}) {
        FieldRule r = rules.get(f);
        if (r != null && r.direction() != Direction.NONE) {
          throw new IllegalArgumentException(f + " needs servicesEnabled");
        }
      }
    }
  }

  /**
   * The Rock-style two-way sync: every contact field both ways with the host winning conflicts; the
   * email ADDed as new primary (the old one stays, matching relies on it); photo and permission
   * host → PCO; tags both ways (host → PCO only in updates-only runs); Services on.
   */
  public static SyncProfile bidirectional() {
    Map<SyncField, FieldRule> r = new EnumMap<>(SyncField.class);
    for (SyncField f : CONTACT_FIELDS) {
      r.put(f, new FieldRule(f, Direction.BOTH, WriteMode.OVERWRITE, ConflictPolicy.HOST_WINS));
    }
    r.put(SyncField.EMAIL, new FieldRule(SyncField.EMAIL, Direction.BOTH, WriteMode.ADD, ConflictPolicy.HOST_WINS));
    r.put(SyncField.PHOTO, hostToPco(SyncField.PHOTO, WriteMode.OVERWRITE));
    r.put(SyncField.PERMISSION, hostToPco(SyncField.PERMISSION, WriteMode.OVERWRITE));
    r.put(SyncField.TAGS, new FieldRule(SyncField.TAGS, Direction.BOTH, WriteMode.OVERWRITE, ConflictPolicy.HOST_WINS));
    return new SyncProfile("bidirectional", r, false, true);
  }

  /**
   * Members of chosen host groups pushed to PCO People: first and last name, primary email, home,
   * work and mobile phone, overwritten; people without an email are skipped and reported.
   */
  public static SyncProfile push() {
    Map<SyncField, FieldRule> r = new EnumMap<>(SyncField.class);
    for (SyncField f : new SyncField[] {
      SyncField.FIRST_NAME, SyncField.LAST_NAME, SyncField.EMAIL,
      SyncField.HOME_PHONE, SyncField.WORK_PHONE, SyncField.MOBILE_PHONE}) {
      r.put(f, hostToPco(f, WriteMode.OVERWRITE));
    }
    return new SyncProfile("push", r, true, false);
  }

  /**
   * A web-form submission pushed to PCO People, fill-only: email, phone and address are added
   * without overwriting, gender and birthdate only where empty, names only on create.
   */
  public static SyncProfile formPush() {
    Map<SyncField, FieldRule> r = new EnumMap<>(SyncField.class);
    r.put(SyncField.FIRST_NAME, hostToPco(SyncField.FIRST_NAME, WriteMode.FILL_IF_EMPTY));
    r.put(SyncField.LAST_NAME, hostToPco(SyncField.LAST_NAME, WriteMode.FILL_IF_EMPTY));
    r.put(SyncField.GENDER, hostToPco(SyncField.GENDER, WriteMode.FILL_IF_EMPTY));
    r.put(SyncField.BIRTHDATE, hostToPco(SyncField.BIRTHDATE, WriteMode.FILL_IF_EMPTY));
    for (SyncField f : new SyncField[] {
      SyncField.EMAIL, SyncField.HOME_PHONE, SyncField.WORK_PHONE, SyncField.MOBILE_PHONE, SyncField.HOME_ADDRESS}) {
      r.put(f, hostToPco(f, WriteMode.ADD));
    }
    return new SyncProfile("form-push", r, true, false);
  }

  /**
   * Sign-in lookup and sign-up registration: profile fields prefilled from PCO into the host
   * (PCO wins), a new PCO person created on sign-up.
   */
  public static SyncProfile lookupRegister() {
    Map<SyncField, FieldRule> r = new EnumMap<>(SyncField.class);
    for (SyncField f : CONTACT_FIELDS) {
      r.put(f, new FieldRule(f, Direction.PCO_TO_HOST, WriteMode.OVERWRITE, ConflictPolicy.PCO_WINS));
    }
    return new SyncProfile("lookup-register", r, true, false);
  }

  private static FieldRule hostToPco(SyncField f, WriteMode m) {
    return new FieldRule(f, Direction.HOST_TO_PCO, m, ConflictPolicy.HOST_WINS);
  }

  /** Returns the rule of a field; a {@link Direction#NONE} rule when the profile has none. */
  public FieldRule rule(SyncField field) {
    FieldRule r = rules.get(field);
    return r == null ? FieldRule.none(field) : r;
  }

  /** Returns a copy with one rule replaced. */
  public SyncProfile withRule(FieldRule rule) {
    Map<SyncField, FieldRule> r = new EnumMap<>(SyncField.class);
    r.putAll(rules);
    r.put(rule.field(), rule);
    return new SyncProfile(name, r, requireEmail, servicesEnabled);
  }

  /** Returns a copy whose every rule resolves conflicts with {@code policy}. */
  public SyncProfile withConflictPolicy(ConflictPolicy policy) {
    Map<SyncField, FieldRule> r = new EnumMap<>(SyncField.class);
    rules.forEach((f, rule) -> r.put(f, rule.withConflictPolicy(policy)));
    return new SyncProfile(name, r, requireEmail, servicesEnabled);
  }

  /** Returns a copy with the email requirement set. */
  public SyncProfile withRequireEmail(boolean require) {
    return new SyncProfile(name, rules, require, servicesEnabled);
  }
}
