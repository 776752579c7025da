package org.pcosync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ValuesTest {

  @Test
  void genderParsesBothApiVersionsLeniently() {
    assertThat(Gender.parse("M")).isEqualTo(Gender.MALE);
    assertThat(Gender.parse("male")).isEqualTo(Gender.MALE);
    assertThat(Gender.parse(" Female ")).isEqualTo(Gender.FEMALE);
    assertThat(Gender.parse(null)).isEqualTo(Gender.UNKNOWN);
    assertThat(Gender.parse("")).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void genderRejectsUnknownValueNamingIt() {
    assertThatThrownBy(() -> Gender.parse("X"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("invalid gender 'X': expected M, Male, F or Female");
  }

  @Test
  void phoneTypeMapsPcoLocations() {
    assertThat(PhoneType.fromLocation("Mobile")).isEqualTo(PhoneType.MOBILE);
    assertThat(PhoneType.fromLocation("cell")).isEqualTo(PhoneType.MOBILE);
    assertThat(PhoneType.fromLocation("Other")).isNull();
    assertThat(PhoneType.HOME.pcoLocation()).isEqualTo("Home");
  }

  @Test
  void personDataNormalisesTextAndDropsBlankPhones() {
    PersonData d = PersonData.builder()
        .firstName("  Ted ").lastName("")
        .phone(PhoneType.HOME, "  ").phone(PhoneType.MOBILE, "555-0100")
        .homeAddress(PostalAddress.of(" ", null, null, null, null))
        .build();
    assertThat(d.firstName()).isEqualTo("Ted");
    assertThat(d.lastName()).isNull();
    assertThat(d.phones()).containsExactly(Map.entry(PhoneType.MOBILE, "555-0100"));
    assertThat(d.homeAddress()).isNull();
    assertThat(d.gender()).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void personDataGetAndWithRoundTripEveryPersonField() {
    PersonData d = PersonData.builder().build();
    Object[] values = {
      "Theodore", "Ted", "Q", "Decker", Gender.MALE, LocalDate.of(1980, 2, 29), LocalDate.of(2005, 6, 1),
      "ted@example.org", "555-0100", "555-0101", "555-0102", PostalAddress.of("1 Main St", null, "Boston", "MA", "02110")
    };
    int i = 0;
    for (SyncField f : SyncField.values()) {
      if (f.isPersonData()) {
        d = d.with(f, values[i++]);
        assertThat(d.get(f)).as(f.name()).isEqualTo(values[i - 1]);
      }
    }
    assertThat(i).isEqualTo(values.length);
    assertThat(d.with(SyncField.LAST_NAME, null).lastName()).isNull();
  }

  @Test
  void personDataRejectsWrongValueTypeNamingField() {
    assertThatThrownBy(() -> PersonData.builder().build().with(SyncField.BIRTHDATE, "1980-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BIRTHDATE");
    assertThatThrownBy(() -> PersonData.builder().build().get(SyncField.PHOTO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void personChangesApplyOnlyListedFields() {
    PersonData current = PersonData.builder().firstName("Ted").lastName("Decker").email("t@x.org").build();
    PersonData values = PersonData.builder().firstName("IGNORED").lastName("Deckard").build();
    PersonChanges changes = new PersonChanges(Set.of(SyncField.LAST_NAME, SyncField.EMAIL), values);
    PersonData after = changes.applyTo(current);
    assertThat(after.firstName()).isEqualTo("Ted");
    assertThat(after.lastName()).isEqualTo("Deckard");
    assertThat(after.email()).isNull();
  }

  @Test
  void personChangesRejectNonPersonFieldsAndEmptySets() {
    PersonData v = PersonData.builder().build();
    assertThatThrownBy(() -> new PersonChanges(Set.of(SyncField.PERMISSION), v))
        .hasMessageContaining("PERMISSION");
    assertThatThrownBy(() -> new PersonChanges(Set.of(), v)).hasMessageContaining("empty");
  }

  @Test
  void hostPersonRequiresIds() {
    assertThatThrownBy(() -> HostPerson.of(" ", PersonData.builder().build())).hasMessage("id is blank");
    assertThatThrownBy(() -> HostPerson.of(null, PersonData.builder().build())).hasMessage("id == null");
  }

  @Test
  void photoEqualityIsByHashAndType() {
    PhotoRef a = new PhotoRef("abc", "image/jpeg", () -> new ByteArrayInputStream(new byte[1]));
    PhotoRef b = new PhotoRef("abc", "image/jpeg", () -> new ByteArrayInputStream(new byte[2]));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).isEqualTo("PhotoRef[image/jpeg, abc]");
  }

  @Test
  void addressComparisonIgnoresCaseAndSpacing() {
    PostalAddress a = new PostalAddress("1  Main St", null, "Boston", "MA", "02110", "us");
    PostalAddress b = new PostalAddress("1 main st ", "", "BOSTON", "ma", "02110", "US");
    assertThat(a.comparisonKey()).isEqualTo(b.comparisonKey());
    assertThat(a.countryCode()).isEqualTo("US");
  }

  @Test
  void snapshotEncodingRoundTripsAwkwardText() {
    FieldSnapshot s = FieldSnapshot.EMPTY
        .with(SyncField.LAST_NAME, "Nguyễn\\n")
        .with(SyncField.HOME_ADDRESS, "line1\nline2\r=x")
        .with(SyncField.EMAIL, "")
        .with(SyncField.TAGS, "1,2");
    assertThat(FieldSnapshot.decode(s.encode())).isEqualTo(s);
    assertThat(s.has(SyncField.EMAIL)).isFalse();
    assertThat(FieldSnapshot.decode(null)).isEqualTo(FieldSnapshot.EMPTY);
    assertThatThrownBy(() -> FieldSnapshot.decode("garbage")).hasMessageContaining("garbage");
  }

  @Test
  void credentialsNeverAppearInAccountToStringOrEquality() {
    PcoAccount a = PcoAccount.builder("acct")
        .credentials(PcoCredentials.personalAccessToken("app-1", "s3cr3t-value"))
        .build();
    PcoAccount b = a.toBuilder().credentials(PcoCredentials.personalAccessToken("app-1", "other")).build();
    assertThat(a.toString()).doesNotContain("s3cr3t-value");
    assertThat(a.credentials().toString()).doesNotContain("s3cr3t-value").contains("app-1");
    assertThat(a).isEqualTo(b);
    PcoCredentials oauth = new PcoCredentials.OAuth("cid", "csecret-x", "atoken-x", "rtoken-x", Instant.EPOCH);
    assertThat(oauth.toString()).doesNotContain("csecret-x", "atoken-x", "rtoken-x");
  }

  @Test
  void accountRequiresHttpsExceptOnLoopback() {
    PcoAccount.Builder b = PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("x", "y"));
    assertThat(b.baseUrl(URI.create("http://127.0.0.1:8089")).build().baseUrl().getPort()).isEqualTo(8089);
    assertThatThrownBy(() -> b.baseUrl(URI.create("http://api.example.org")).build())
        .hasMessageContaining("https");
    assertThatThrownBy(() -> PcoAccount.builder("a").stoppagePercentage(101)).hasMessageContaining("0..100");
  }

  @Test
  void accountDefaultsMatchDesign() {
    PcoAccount a = PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("x", "y")).build();
    assertThat(a.baseUrl()).isEqualTo(PcoAccount.DEFAULT_BASE_URL);
    assertThat(a.apiVersions()).isEqualTo(new ApiVersions("2023-03-21", "2018-11-01", "2022-10-20"));
    assertThat(a.allowPermissionDowngrade()).isFalse();
    assertThat(a.runMode()).isEqualTo(RunMode.FULL);
    assertThat(a.profile().name()).isEqualTo("bidirectional");
    assertThat(a.editContactFieldsOfLoginUsers()).isTrue();
    assertThat(a.stoppagePercentage()).isEqualTo(10);
    assertThat(a.stoppageMinimumPeople()).isEqualTo(3);
  }

  @Test
  void photoAndPermissionCannotFlowToHost() {
    assertThatThrownBy(() -> new FieldRule(SyncField.PHOTO, Direction.BOTH, WriteMode.OVERWRITE, ConflictPolicy.HOST_WINS))
        .hasMessageContaining("PHOTO");
  }

  @Test
  void profilesWithoutServicesCannotSyncPermissionsOrTags() {
    assertThat(SyncProfile.push().servicesEnabled()).isFalse();
    assertThat(SyncProfile.push().requireEmail()).isTrue();
    assertThatThrownBy(() -> SyncProfile.push().withRule(
            new FieldRule(SyncField.TAGS, Direction.HOST_TO_PCO, WriteMode.OVERWRITE, ConflictPolicy.HOST_WINS)))
        .hasMessageContaining("servicesEnabled");
  }

  @Test
  void formPushIsFillOnly() {
    SyncProfile p = SyncProfile.formPush();
    assertThat(p.rule(SyncField.BIRTHDATE).writeMode()).isEqualTo(WriteMode.FILL_IF_EMPTY);
    assertThat(p.rule(SyncField.MOBILE_PHONE).writeMode()).isEqualTo(WriteMode.ADD);
    assertThat(p.rule(SyncField.ANNIVERSARY).direction()).isEqualTo(Direction.NONE);
  }

  @Test
  void groupWithoutLevelSyncsAtScheduledViewer() {
    assertThat(SyncGroup.tagGroup("g", "Choir", Set.of("t1")).effectiveLevel())
        .isEqualTo(PermissionLevel.SCHEDULED_VIEWER);
    assertThat(new AvailableTag("t1", "Tenor", "Voice", Set.of()).displayName()).isEqualTo("Voice > Tenor");
  }

  @Test
  void leaseExpiresAtItsExpiryInstant() {
    RunLease l = new RunLease("a", "me", "tok", Instant.EPOCH, Instant.ofEpochSecond(60));
    assertThat(l.isExpiredAt(Instant.ofEpochSecond(59))).isFalse();
    assertThat(l.isExpiredAt(Instant.ofEpochSecond(60))).isTrue();
  }
}
