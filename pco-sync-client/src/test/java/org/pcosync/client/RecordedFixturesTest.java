package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real recorded PCO responses (pypco cassettes, API 2018-08-01) parse into the typed model. */
final class RecordedFixturesTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private PcoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientFactory.client(server, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void singlePersonParsesEveryMappedAttribute() {
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.id()).isEqualTo("45029164");
    assertThat(p.firstName()).isEqualTo("Paul");
    assertThat(p.lastName()).isEqualTo("Revere");
    assertThat(p.name()).isEqualTo("Paul Revere");
    assertThat(p.gender()).isNull();
    assertThat(p.birthdate()).isNull();
    assertThat(p.child()).isFalse();
    assertThat(p.siteAdministrator()).isFalse();
    assertThat(p.status()).isEqualTo("active");
    assertThat(p.isActive()).isTrue();
    assertThat(p.remoteId()).isNull();
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2018-11-25T20:31:31Z"));
    assertThat(p.updatedAt()).isEqualTo(Instant.parse("2018-11-25T20:31:31Z"));
    assertThat(p.emails()).isEmpty();
  }

  @Test
  void recordedPersonWithoutLoginIdentifierCannotLogIn() {
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.loginIdentifier()).isNull();
    assertThat(p.canLogIn()).isFalse();
  }

  @Test
  void defaultNoPhotoAvatarIsNotAPhoto() {
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.avatar()).isEqualTo("https://people.planningcenteronline.com/static/no_photo_thumbnail_gray.png");
    assertThat(p.hasPhoto()).isFalse();
  }

  @Test
  void includedEmailIsStitchedToItsPerson() {
    server.enqueue(Fixtures.fixture("people-get-person-45029164-include-emails-organization.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.emails())
        .containsExactly(
            new PcoEmail(
                "29871166",
                "45029164",
                "paul.revere@mailinator.com",
                "Home",
                true,
                null,
                Instant.parse("2018-11-25T20:31:31Z"),
                Instant.parse("2018-11-25T20:31:31Z")));
    assertThat(p.primaryEmail().address()).isEqualTo("paul.revere@mailinator.com");
  }

  @Test
  void firstPageReportsNextOffsetTotalCountAndCanInclude() {
    server.enqueue(Fixtures.fixture("people-list-offset0-per_page25-page1of2.json"));

    PcoPage<PcoPerson> page = client.people().page(PeopleQuery.all(), 0);

    assertThat(page.items()).hasSize(25);
    assertThat(page.items().get(0).id()).isEqualTo("40135868");
    assertThat(page.items().get(0).firstName()).isEqualTo("Bill");
    assertThat(page.items().get(0).lastName()).isEqualTo("Deitrick");
    assertThat(page.nextOffset()).isEqualTo(25);
    assertThat(page.totalCount()).isEqualTo(50);
    assertThat(page.canInclude()).contains("emails", "phone_numbers", "addresses");
  }

  @Test
  void lastPageHasNoNextOffset() {
    server.enqueue(Fixtures.fixture("people-list-offset25-per_page25-lastpage.json"));

    PcoPage<PcoPerson> page = client.people().page(PeopleQuery.all(), 25);

    assertThat(page.items()).hasSize(25);
    assertThat(page.items().get(0).id()).isEqualTo("72078222");
    assertThat(page.isLast()).isTrue();
  }

  @Test
  void sharedIncludedRecordsAreStitchedToEveryOwner() {
    server.enqueue(Fixtures.fixture("people-list-include-emails-organization-page1.json"));

    List<PcoPerson> people = client.people().page(PeopleQuery.all(), 0).items();

    assertThat(people).hasSize(25);
    assertThat(people.get(0).emails()).extracting(PcoEmail::address).containsExactly("paul.revere@mailinator.com");
    assertThat(people).allSatisfy(p -> assertThat(p.emails()).isNotEmpty());
    assertThat(people.get(1).emails().get(0).personId()).isEqualTo("70086210");
  }

  @Test
  void legacyStreetIsParsedAsStreetLine1() {
    server.enqueue(Fixtures.fixture("people-list-include-addresses-where-first_name-Paul.json"));

    List<PcoPerson> people = client.people().searchByName("Paul", "Revere");

    assertThat(people).extracting(PcoPerson::id).containsExactly("45029164", "70167511");
    PcoAddress home = people.get(0).addresses().get(0);
    assertThat(home.streetLine1()).isEqualTo("123 Ride Way");
    assertThat(home.streetLine2()).isNull();
    assertThat(home.street()).isEqualTo("123 Ride Way");
    assertThat(home.city()).isEqualTo("Boston");
    assertThat(home.state()).isEqualTo("MA");
    assertThat(home.zip()).isEqualTo("12345");
    assertThat(home.location()).isEqualTo("Home");
    assertThat(home.primary()).isTrue();
    assertThat(people.get(0).addresses().get(1).streetLine1()).isEqualTo("456 Old North Ln");
    assertThat(people.get(1).name()).isEqualTo("Paul Revere Jr.");
  }

  @Test
  void whereFilterResponseParses() {
    server.enqueue(Fixtures.fixture("people-list-where-first_name-paul.json"));

    PcoPage<PcoPerson> page = client.people().page(PeopleQuery.builder().where("first_name", "paul").build(), 0);

    assertThat(page.items()).extracting(PcoPerson::id).containsExactly("45029164");
    assertThat(page.totalCount()).isEqualTo(1);
  }

  @Test
  void avatarPatchResponseCarriesThePhotoUrl() {
    server.enqueue(Fixtures.fixture("people-patch-person-avatar-200.json"));

    PcoPerson p = client.people().setAvatar("70249747", "us3-e8eab760-7977-4d59-aab4-44355ba0afd5");

    assertThat(p.id()).isEqualTo("70249747");
    assertThat(p.avatar())
        .isEqualTo("https://avatars.planningcenteronline.com/uploads/person/70249747-1576035529/avatar.4.jpg");
    assertThat(p.hasPhoto()).isTrue();
    assertThat(p.updatedAt()).isEqualTo(Instant.parse("2019-12-11T04:12:54Z"));
  }

  @Test
  void uploadResponseParsesIntoUploadedFile() {
    server.enqueue(Fixtures.json(201, Fixtures.text("upload-file-201.json")));

    UploadedFile f = client.people().uploadFile("test_upload.jpg", "image/jpeg", new byte[] {1, 2, 3});

    assertThat(f.id()).isEqualTo("us3-e8eab760-7977-4d59-aab4-44355ba0afd5");
    assertThat(f.name()).isEqualTo("test_upload.jpg");
    assertThat(f.contentType()).isEqualTo("image/jpeg");
    assertThat(f.fileSize()).isEqualTo(1198651L);
    assertThat(f.md5()).isEqualTo("ae1379a4524006c4fe01addf4bbb49e2");
    assertThat(f.expiresAt()).isEqualTo(Instant.parse("2019-12-11T04:44:52Z"));
  }

  @Test
  void recordedNotFoundBodyBecomesTypedError() {
    server.enqueue(Fixtures.json(404, Fixtures.text("error-404-not-found-bogus-path.json")));

    assertThat(client.people().find("1")).isEmpty();
  }

  @Test
  void documentedBirthdateAndGenderShapesParse() {
    server.enqueue(
        Fixtures.json(
            "{\"data\":{\"type\":\"Person\",\"id\":\"7\",\"attributes\":{\"gender\":\"F\","
                + "\"birthdate\":\"1815-12-10\",\"anniversary\":\"2000-01-01\",\"remote_id\":\"1234\"}}}"));

    PcoPerson p = client.people().get("7");

    assertThat(p.gender()).isEqualTo("Female");
    assertThat(p.birthdate()).isEqualTo(LocalDate.of(1815, 12, 10));
    assertThat(p.anniversary()).isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(p.remoteId()).isEqualTo(1234L);
  }
}
