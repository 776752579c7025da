package org.pcosync.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pcosync.api.Gender;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncGroup;
import org.pcosync.testkit.memory.HostFixture;

/**
 * The synthetic congregation every benchmark uses: person {@code i} (1-based, host id {@code "i"})
 * is a pure function of {@code i}, so both sides of a world and every run agree without random
 * numbers. Each person has a first and last name, a unique email, a mobile phone, a birthdate and
 * a gender; every second person has a home address; every tenth is an Editor in Services, the rest
 * Scheduled Viewers. Stateless; thread-safe.
 */
final class Church {
  private static final String[] FIRST = {"Ann", "Ben", "Cara", "Dan", "Eve", "Finn", "Gail", "Hugo", "Ida", "Jon",
      "Kay", "Liam", "Mia", "Ned", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tess"};
  private static final String[] LAST = {"Able", "Baker", "Clark", "Dunn", "Ellis", "Fox", "Gray", "Hale", "Irwin",
      "Jones", "King", "Lane", "Moss", "Nash", "Owen", "Pike", "Quill", "Reed", "Shaw", "Todd", "Underwood", "Vance",
      "Ward", "Xu", "Young", "Zeller"};

  private Church() {}

  /** Returns the host id of person {@code i}. */
  static String hostId(int i) {
    return Integer.toString(i);
  }

  static String firstName(int i) {
    return FIRST[i % FIRST.length];
  }

  static String lastName(int i) {
    return LAST[(i / FIRST.length) % LAST.length];
  }

  static String email(int i) {
    return "person" + i + "@example.org";
  }

  /** Ten digits, unique per person; PCO formats it, the diff compares digits only. */
  static String mobile(int i) {
    return String.format("555%07d", i);
  }

  /** A different mobile number for the same person: what a host-side edit sets. */
  static String editedMobile(int i) {
    return String.format("556%07d", i);
  }

  static LocalDate birthdate(int i) {
    return LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28);
  }

  static Gender gender(int i) {
    return i % 2 == 0 ? Gender.FEMALE : Gender.MALE;
  }

  /** Every second person has a home address; the others have none. */
  static PostalAddress address(int i) {
    return i % 2 == 0 ? PostalAddress.of(i + " Main St", null, "Springfield", "IL", "62701") : null;
  }

  static boolean isLeader(int i) {
    return i % 10 == 0;
  }

  static PermissionLevel level(int i) {
    return isLeader(i) ? PermissionLevel.EDITOR : PermissionLevel.SCHEDULED_VIEWER;
  }

  /** Returns person {@code i} as the host holds them. */
  static PersonData hostData(int i) {
    return PersonData.builder()
        .firstName(firstName(i))
        .lastName(lastName(i))
        .email(email(i))
        .phone(PhoneType.MOBILE, mobile(i))
        .birthdate(birthdate(i))
        .gender(gender(i))
        .homeAddress(address(i))
        .build();
  }

  /**
   * Returns the host of people 1..n, all in the sync set of {@code account}: a Scheduled Viewer
   * permission group and an Editor one.
   */
  static HostFixture hostFixture(int n, String account) {
    HostFixture.Builder b = HostFixture.builder();
    List<String> viewers = new ArrayList<>();
    List<String> editors = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      b.person(hostId(i), hostData(i));
      (isLeader(i) ? editors : viewers).add(hostId(i));
    }
    b.group(account, SyncGroup.permissionGroup("volunteers", "Volunteers", PermissionLevel.SCHEDULED_VIEWER),
        viewers.toArray(String[]::new));
    b.group(account, SyncGroup.permissionGroup("leaders", "Leaders", PermissionLevel.EDITOR),
        editors.toArray(String[]::new));
    return b.build();
  }
}
