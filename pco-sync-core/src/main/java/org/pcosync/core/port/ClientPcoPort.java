package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.ServicesState;
import org.pcosync.client.AddressAttributes;
import org.pcosync.client.EmailAttributes;
import org.pcosync.client.NeedsReauthorizationException;
import org.pcosync.client.OAuthApp;
import org.pcosync.client.OAuthTokens;
import org.pcosync.client.PcoAddress;
import org.pcosync.client.PcoApiException;
import org.pcosync.client.PcoClient;
import org.pcosync.client.PcoClientException;
import org.pcosync.client.PcoConnectionException;
import org.pcosync.client.PcoEmail;
import org.pcosync.client.PcoError;
import org.pcosync.client.PcoPage;
import org.pcosync.client.PcoParseException;
import org.pcosync.client.PcoPerson;
import org.pcosync.client.PcoPhoneNumber;
import org.pcosync.client.PcoTag;
import org.pcosync.client.PcoTagGroup;
import org.pcosync.client.PeopleQuery;
import org.pcosync.client.PersonAttributes;
import org.pcosync.client.PhoneNumberAttributes;
import org.pcosync.client.ServicesPerson;
import org.pcosync.client.Sleeper;
import org.pcosync.client.TokenListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PCO port over {@link PcoClient}: maps the client's model to the port's records and its
 * exceptions to the port's three outcomes — {@link PcoRejectedException} (4xx other than 401/429,
 * with the attribute PCO named), {@link PcoUnavailableException} (5xx, rate limit exhausted,
 * connection failures after the client's retries) and {@link PcoOutcomeUnknownException} (a create
 * whose response was lost). A 401 or a revoked OAuth grant is a {@link PcoSyncException} with
 * {@link ErrorCode#PCO_AUTHENTICATION}.
 *
 * <pre>{@code
 * PcoPort port = new ClientPcoPort(PcoClient.builder().personalAccessToken(appId, secret).build());
 * }</pre>
 *
 * <p>Thread-safe when the client is (it is); share one instance per account.
 */
public final class ClientPcoPort implements PcoPort {
  private static final Logger log = LoggerFactory.getLogger(ClientPcoPort.class);

  private final PcoClient client;

  /** @param client the client of the account */
  public ClientPcoPort(PcoClient client) {
    this.client = requireNonNull(client, "client == null");
  }

  /**
   * Builds a client for an account: base URL, API versions and credentials from the account. For
   * a base URL other than PCO's, uploads go to {@code <baseUrl>/upload} (the fake PCO's layout).
   *
   * @param clock the client's clock
   * @param sleeper how it waits; {@code null} for real sleeping
   * @param tokenListener receives rotated OAuth tokens; nullable
   * @param okHttpClient a base OkHttpClient; nullable
   */
  public static PcoClient clientFor(PcoAccount account, Clock clock, Sleeper sleeper, TokenListener tokenListener,
      okhttp3.OkHttpClient okHttpClient) {
    PcoClient.Builder b = PcoClient.builder()
        .baseUrl(account.baseUrl().toString())
        .peopleVersion(account.apiVersions().people())
        .servicesVersion(account.apiVersions().services())
        .webhooksVersion(account.apiVersions().webhooks())
        .clock(clock);
    if (!account.baseUrl().equals(PcoAccount.DEFAULT_BASE_URL)) {
      // a test server (the testkit's fake PCO) serves uploads under /upload; pass a client otherwise
      String base = account.baseUrl().toString();
      b.uploadBaseUrl((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/upload");
    }
    if (sleeper != null) {
      b.sleeper(sleeper);
    }
    if (okHttpClient != null) {
      b.okHttpClient(okHttpClient);
    }
    PcoCredentials c = account.credentials();
    if (c instanceof PcoCredentials.PersonalAccessToken pat) {
      b.personalAccessToken(pat.applicationId(), pat.secret());
    } else if (c instanceof PcoCredentials.OAuth o) {
      b.oauth(new OAuthApp(o.clientId(), o.clientSecret(), ""),
          new OAuthTokens(o.accessToken(), o.refreshToken(), o.expiresAt(), null),
          tokenListener == null ? TokenListener.none() : tokenListener);
    }
    return b.build();
  }

  // ---- People reads ------------------------------------------------------------------------------

  @Override
  public Page<PortPerson> people(Instant updatedSince, String pageToken) {
    PeopleQuery q = updatedSince == null ? PeopleQuery.all() : PeopleQuery.updatedSince(updatedSince);
    int offset = pageToken == null ? 0 : Integer.parseInt(pageToken);
    PcoPage<PcoPerson> page = call("read people", false, () -> client.people().page(q, offset));
    return new Page<>(page.items().stream().map(ClientPcoPort::toPerson).toList(),
        page.nextOffset() == null ? null : Integer.toString(page.nextOffset()));
  }

  @Override
  public Optional<PortPerson> person(String id) {
    return call("read person " + id, false, () -> client.people().find(id)).map(ClientPcoPort::toPerson);
  }

  @Override
  public List<PortPerson> searchByEmail(String email) {
    return call("search people by email", false, () -> client.people().searchByEmail(email)).stream()
        .map(ClientPcoPort::toPerson).toList();
  }

  @Override
  public List<PortPerson> findByRemoteId(String remoteId) {
    long id = Long.parseLong(remoteId);
    return call("find people by remote_id", false,
        () -> client.people().listAll(PeopleQuery.builder().remoteId(id).build())).stream()
        .map(ClientPcoPort::toPerson).toList();
  }

  @Override
  public List<PortPerson> findByName(String firstName, String lastName) {
    return call("find people by name", false, () -> client.people().searchByName(firstName, lastName)).stream()
        .map(ClientPcoPort::toPerson).toList();
  }

  @Override
  public String meId() {
    return call("read /me", false, () -> client.people().me()).id();
  }

  @Override
  public List<PortMerger> mergersSince(Instant since) {
    return call("read person mergers", false, () -> client.people().mergers(since)).stream()
        .map(m -> new PortMerger(m.personToKeepId(), m.personToRemoveId(),
            m.createdAt() == null ? Instant.EPOCH : m.createdAt()))
        .toList();
  }

  // ---- People writes -----------------------------------------------------------------------------

  @Override
  public PortPerson createPerson(Map<PersonAttribute, String> attributes) {
    return toPerson(call("create a person", true, () -> client.people().create(attributes(attributes))));
  }

  @Override
  public PortPerson updatePerson(String id, Map<PersonAttribute, String> attributes) {
    return toPerson(call("update person " + id, false, () -> client.people().update(id, attributes(attributes))));
  }

  private static PersonAttributes attributes(Map<PersonAttribute, String> attributes) {
    PersonAttributes.Builder b = PersonAttributes.builder();
    attributes.forEach((a, v) -> {
      if (a == PersonAttribute.REMOTE_ID) {
        b.remoteId(v == null ? null : Long.valueOf(v));
      } else {
        b.set(a.apiName(), v);
      }
    });
    return b.build();
  }

  @Override
  public void deletePerson(String id) {
    call("delete person " + id, false, () -> {
      client.people().delete(id);
      return null;
    });
  }

  @Override
  public PortEmail addEmail(String personId, String address, String location, boolean primary) {
    return email(call("add an email to person " + personId, true, () -> client.people().createEmail(personId,
        EmailAttributes.builder().address(address).location(location).primary(primary).build())));
  }

  @Override
  public PortEmail updateEmail(String emailId, String address, boolean primary) {
    return email(call("update email " + emailId, false, () -> client.people().updateEmail(emailId,
        EmailAttributes.builder().address(address).primary(primary).build())));
  }

  @Override
  public PortPhone addPhone(String personId, String number, String location, boolean primary) {
    return phone(call("add a phone number to person " + personId, true, () -> client.people().createPhoneNumber(
        personId, PhoneNumberAttributes.builder().number(number).location(location).primary(primary).build())));
  }

  @Override
  public PortPhone updatePhone(String phoneId, String number) {
    return phone(call("update phone number " + phoneId, false, () -> client.people().updatePhoneNumber(phoneId,
        PhoneNumberAttributes.builder().number(number).build())));
  }

  @Override
  public void deletePhone(String phoneId) {
    call("delete phone number " + phoneId, false, () -> {
      client.people().deletePhoneNumber(phoneId);
      return null;
    });
  }

  @Override
  public PortAddress addAddress(String personId, PostalAddress address, String location, boolean primary) {
    return address(call("add an address to person " + personId, true, () -> client.people().createAddress(personId,
        addressAttributes(address).location(location).primary(primary).build())));
  }

  @Override
  public PortAddress updateAddress(String addressId, PostalAddress address) {
    return address(call("update address " + addressId, false,
        () -> client.people().updateAddress(addressId, addressAttributes(address).build())));
  }

  private static AddressAttributes.Builder addressAttributes(PostalAddress a) {
    return AddressAttributes.builder().streetLine1(a.streetLine1()).streetLine2(a.streetLine2()).city(a.city())
        .state(a.state()).zip(a.zip()).countryCode(a.countryCode());
  }

  @Override
  public void deleteAddress(String addressId) {
    call("delete address " + addressId, false, () -> {
      client.people().deleteAddress(addressId);
      return null;
    });
  }

  @Override
  public void setAvatar(String personId, InputStream content, String contentType) {
    byte[] bytes;
    try (InputStream in = content) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String ext = contentType.toLowerCase(Locale.ROOT).contains("png") ? ".png" : ".jpg";
    call("upload the avatar of person " + personId, false, () -> client.people().uploadAvatar(personId,
        "avatar-" + personId + ext, contentType, bytes));
  }

  // ---- Services ----------------------------------------------------------------------------------

  @Override
  public List<PortServicesPerson> servicesPeople(Instant updatedSince) {
    return call("read Services people", false, () -> {
      try (Stream<ServicesPerson> s = client.services().streamPeople(true)) {
        return s.takeWhile(p -> updatedSince == null || p.updatedAt() == null || !p.updatedAt().isBefore(updatedSince))
            .map(ClientPcoPort::services).toList();
      }
    });
  }

  @Override
  public Optional<PortServicesPerson> servicesPerson(String id) {
    return call("read Services person " + id, false, () -> client.services().findPerson(id, true))
        .map(ClientPcoPort::services);
  }

  @Override
  public void addToServices(String personId, String welcomeTemplateId) {
    call("add person " + personId + " to Services", true,
        () -> client.services().addToServices(personId, welcomeTemplateId));
  }

  @Override
  public void setPermission(String personId, PermissionLevel level) {
    call("set the Services permission of person " + personId, false,
        () -> client.services().updatePermissions(personId, level.pcoValue()));
  }

  @Override
  public void archive(String personId) {
    call("archive person " + personId + " in Services", false, () -> client.services().archive(personId));
  }

  @Override
  public void assignTags(String personId, Set<String> tagIds) {
    call("assign the tags of person " + personId, false, () -> {
      client.services().assignTags(personId, tagIds.stream().sorted().toList());
      return null;
    });
  }

  @Override
  public List<PortTagGroup> tagGroups() {
    return call("read tag groups", false, () -> {
      List<PortTagGroup> out = new ArrayList<>();
      for (PcoTagGroup g : client.services().tagGroups()) {
        List<PortTagGroup.Tag> tags = new ArrayList<>();
        for (PcoTag t : client.services().tags(g.id())) {
          tags.add(new PortTagGroup.Tag(t.id(), t.name() == null ? t.id() : t.name()));
        }
        out.add(new PortTagGroup(g.id(), g.name() == null ? g.id() : g.name(), tags));
      }
      return out;
    });
  }

  // ---- mapping -----------------------------------------------------------------------------------

  static PortPerson toPerson(PcoPerson p) {
    return new PortPerson(p.id(), p.firstName(), p.givenName(), p.nickname(), p.middleName(), p.lastName(), p.gender(),
        p.birthdate() == null ? null : p.birthdate().toString(),
        p.anniversary() == null ? null : p.anniversary().toString(),
        p.remoteId() == null ? null : p.remoteId().toString(), Boolean.TRUE.equals(p.siteAdministrator()),
        p.canLogIn(), p.createdAt(), p.updatedAt(),
        p.emails().stream().filter(e -> e.address() != null).map(ClientPcoPort::email).toList(),
        p.phoneNumbers().stream().filter(ph -> ph.number() != null).map(ClientPcoPort::phone).toList(),
        p.addresses().stream().map(ClientPcoPort::address).toList());
  }

  private static PortEmail email(PcoEmail e) {
    return new PortEmail(e.id(), e.address() == null ? "" : e.address(), e.location(), e.primary(), e.createdAt());
  }

  private static PortPhone phone(PcoPhoneNumber p) {
    return new PortPhone(p.id(), p.number() == null ? "" : p.number(), p.location(), p.primary(), p.createdAt());
  }

  private static PortAddress address(PcoAddress a) {
    return new PortAddress(a.id(), new PostalAddress(a.streetLine1(), a.streetLine2(), a.city(), a.state(), a.zip(),
        a.countryCode()), a.location(), a.primary(), a.createdAt());
  }

  private static PortServicesPerson services(ServicesPerson s) {
    ServicesState state;
    if (Boolean.TRUE.equals(s.archived()) || "archived".equalsIgnoreCase(s.permissions() == null ? "" : s.permissions().strip())) {
      state = ServicesState.ARCHIVED;
    } else {
      PermissionLevel level;
      try {
        level = PermissionLevel.parse(s.permissions());
      } catch (RuntimeException e) {
        log.warn("Services person {} has an unknown permissions value '{}'; treated as Scheduled Viewer", s.id(),
            s.permissions());
        level = PermissionLevel.SCHEDULED_VIEWER;
      }
      state = ServicesState.active(level);
    }
    return new PortServicesPerson(s.id(), state, Boolean.TRUE.equals(s.siteAdministrator()), Set.copyOf(s.tagIds()),
        s.updatedAt());
  }

  // ---- errors ------------------------------------------------------------------------------------

  private static <T> T call(String what, boolean create, Supplier<T> body) {
    try {
      return body.get();
    } catch (NeedsReauthorizationException e) {
      throw new PcoSyncException(ErrorCode.PCO_AUTHENTICATION, "PCO needs the account to be authorized again ("
          + what + "): " + e.getMessage(), e);
    } catch (PcoApiException e) {
      int status = e.status();
      if (status == 401) {
        throw new PcoSyncException(ErrorCode.PCO_AUTHENTICATION, "PCO refused the credentials (" + what + ")", e);
      }
      if (status == 429 || status >= 500) {
        throw new PcoUnavailableException("could not " + what + ": " + e.getMessage(), e);
      }
      PcoError first = e.errors().isEmpty() ? null : e.errors().get(0);
      String field = first == null ? null : first.sourceParameter() != null ? first.sourceParameter()
          : lastSegment(first.sourcePointer());
      String reason = first == null ? e.getMessage()
          : first.detail() != null ? first.detail() : first.title() != null ? first.title() : e.getMessage();
      throw new PcoRejectedException(status, field, reason, e);
    } catch (PcoConnectionException e) {
      if (create && e.outcomeUnknown()) {
        throw new PcoOutcomeUnknownException("could not " + what + ": the response was lost", e);
      }
      throw new PcoUnavailableException("could not " + what + ": " + e.getMessage(), e);
    } catch (PcoParseException e) {
      if (create) {
        throw new PcoOutcomeUnknownException("could not " + what + ": unreadable response", e);
      }
      throw new PcoUnavailableException("could not " + what + ": " + e.getMessage(), e);
    } catch (PcoClientException e) {
      throw new PcoUnavailableException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  private static String lastSegment(String pointer) {
    if (pointer == null) {
      return null;
    }
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? pointer : pointer.substring(slash + 1);
  }

  @Override
  public String toString() {
    return "ClientPcoPort[" + client + "]";
  }
}
