package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.HostException;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.Normalize;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.ServicesState;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.core.ImportReport;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncSkip;
import org.pcosync.core.port.Page;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortEmail;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortServicesPerson;

/**
 * The one-time import from PCO (DESIGN §8): pages through every People person; each one not yet
 * linked is matched to a host person (one of their emails, first and last name — §6 the other way
 * round) or created in the host with the account's default connection status, added to the import
 * group of their Services level, and linked. The next sync run fills both sides from the new links.
 *
 * <p>Resumable: after each page the next page's token is saved as a state-store checkpoint
 * ({@link #CHECKPOINT}); a stopped import continues from there, and people of the page it stopped
 * in are found linked (or matched by email to the host person created just before the stop), so
 * nobody is imported twice. A PCO person without email created in the host right before a crash,
 * before its link was saved, can be created once more. Runs under the account's run lease. Not
 * thread-safe; one instance per import.
 */
public final class Importer {
  /** The checkpoint holding the next page to read. */
  public static final String CHECKPOINT = "import/next-page";

  private final PcoAccount account;
  private final PcoPort port;
  private final PersonRepository people;
  private final GroupRepository groups;
  private final SyncStateStore state;
  private final Clock clock;
  private final Set<String> linkedPco = new HashSet<>();
  private final Set<String> linkedHost = new HashSet<>();
  private final Map<String, PermissionLevel> levels = new HashMap<>();
  private final List<SyncSkip> skipped = new ArrayList<>();
  private final List<SyncFailure> failures = new ArrayList<>();
  private int matched;
  private int created;
  private int alreadyLinked;
  private int addedToGroups;

  /** Creates an import; every argument is required. */
  public Importer(PcoAccount account, PcoPort port, PersonRepository people, GroupRepository groups,
      SyncStateStore state, Clock clock) {
    this.account = requireNonNull(account, "account == null");
    this.port = requireNonNull(port, "port == null");
    this.people = requireNonNull(people, "people == null");
    this.groups = requireNonNull(groups, "groups == null");
    this.state = requireNonNull(state, "state == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /**
   * Imports, from the checkpoint if there is one.
   *
   * @param heartbeat called between pages (renews the run lease)
   */
  public ImportReport run(Runnable heartbeat) {
    for (Link l : state.links(account.id())) {
      linkedPco.add(l.pcoPersonId());
      linkedHost.add(l.hostStableId());
    }
    String token = state.checkpoint(account.id(), CHECKPOINT).orElse(null);
    try {
      if (!account.importGroupIds().isEmpty()) {
        for (PortServicesPerson s : port.servicesPeople(null)) {
          PermissionLevel level = s.state().levelOrNull();
          if (level != null) {
            levels.put(s.id(), level);
          }
        }
      }
      do {
        Page<PortPerson> page = port.people(null, token);
        page.items().forEach(this::importOne);
        token = page.nextPageToken();
        if (token != null) {
          state.saveCheckpoint(account.id(), CHECKPOINT, token);
        }
        heartbeat.run();
      } while (token != null);
    } catch (PcoSyncException e) {
      if (e.code() == ErrorCode.RUN_IN_PROGRESS) {
        throw e;
      }
      failures.add(new SyncFailure(null, null, null, e.code(), "import stopped: " + e.getMessage()
          + "; run it again to continue"));
      return report(false);
    }
    state.clearCheckpoint(account.id(), CHECKPOINT);
    return report(true);
  }

  private ImportReport report(boolean complete) {
    return new ImportReport(matched, created, alreadyLinked, addedToGroups, skipped, failures, complete);
  }

  private void importOne(PortPerson p) {
    if (linkedPco.contains(p.id())) {
      alreadyLinked++;
      return;
    }
    PersonData data = ContactPush.personData(p, account.nameMapping(), f -> true);
    String last = Normalize.nameKey(data.lastName());
    if (last == null || (data.firstName() == null && data.nickname() == null)) {
      skipped.add(new SyncSkip(null, p.id(), "has no first or last name in PCO; not imported"));
      return;
    }
    try {
      Map<String, HostPerson> candidates = candidates(p, last);
      if (candidates.size() > 1) {
        failures.add(new SyncFailure(null, p.id(), null, ErrorCode.AMBIGUOUS_MATCH, "matches host people "
            + candidates.keySet().stream().sorted(Planner.ID_ORDER).toList() + "; link one by hand"));
        return;
      }
      HostPerson host;
      if (candidates.isEmpty()) {
        host = people.create(data, account.defaultConnectionStatus());
        created++;
      } else {
        host = candidates.values().iterator().next();
        matched++;
      }
      PermissionLevel level = levels.get(p.id());
      String groupId = level == null ? null : account.importGroupIds().get(level);
      if (groupId != null) {
        groups.addMember(groupId, host.id()); // before the link: a retry after a stop adds again, harmlessly
        addedToGroups++;
      }
      state.saveLink(Link.create(account.id(), host.stableId(), p.id(), clock.instant()));
      linkedPco.add(p.id());
      linkedHost.add(host.stableId());
    } catch (LinkConflictException e) {
      failures.add(new SyncFailure(null, p.id(), null, ErrorCode.LINK_CONFLICT, e.getMessage()));
    } catch (PcoSyncException e) {
      failures.add(new SyncFailure(null, p.id(), null, e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      failures.add(new SyncFailure(null, p.id(), null, ErrorCode.HOST_FAILURE,
          new HostException(null, "import PCO person " + p.id(), e).getMessage()));
    }
  }

  /** Host people not yet linked sharing an email, the last name and a first name with {@code p}. */
  private Map<String, HostPerson> candidates(PortPerson p, String last) {
    Set<String> pcoNames = new HashSet<>();
    for (String n : new String[] {p.firstName(), p.givenName(), p.nickname()}) {
      String k = Normalize.nameKey(n);
      if (k != null) {
        pcoNames.add(k);
      }
    }
    Map<String, HostPerson> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (PortEmail e : p.emails()) {
      String email = Normalize.email(e.address());
      if (email == null || !seen.add(email)) {
        continue;
      }
      for (HostPerson h : people.findByEmail(email)) {
        if (linkedHost.contains(h.stableId()) || !last.equals(Normalize.nameKey(h.data().lastName()))) {
          continue;
        }
        String first = Normalize.nameKey(h.data().firstName());
        String nick = Normalize.nameKey(h.data().nickname());
        if ((first != null && pcoNames.contains(first)) || (nick != null && pcoNames.contains(nick))) {
          out.put(h.id(), h);
        }
      }
    }
    return out;
  }
}
