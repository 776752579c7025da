package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.RunMode;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortServicesPerson;

/**
 * Everything {@link Planner#plan} needs, already read. Immutable.
 *
 * @param account the account and its options
 * @param mode what the run read
 * @param readAt when reading started
 * @param hosts the sync set's host people with their membership, any order
 * @param leavers linked people no longer in the sync set
 * @param mergedAway links whose host person was merged (host side) into another person: reported
 *     and not synced, and a survivor without a link of their own is not matched or created either
 *     (moving a link is an admin decision), so nobody is synced twice
 * @param links every link of the account, by host stable id
 * @param pcoPeople the PCO people read (all of them in a full run), by id
 * @param pcoPeopleComplete whether {@code pcoPeople} holds every PCO person (a linked id missing
 *     from it is gone); otherwise an unread linked person is assumed unchanged since its base
 * @param services the Services people read, by id
 * @param servicesComplete whether {@code services} holds every Services person
 * @param servicesAbsent PCO ids read and found not to be in Services
 * @param intents open create intents, by host stable id
 * @param intentCandidates host stable id → PCO people an interrupted create may have made
 * @param meId the account's own PCO user; nullable when unknown
 * @param controlledTags tag ids a host group controls
 * @param tagsToPublish tags to publish to the host; nullable
 * @param rejectedCreates host stable id → what PCO rejected when creating the person: the create's
 *     attribute key and PCO's reason, as saved by {@link Applier} (not resent while unchanged)
 */
public record PlanInput(
    PcoAccount account,
    RunMode mode,
    Instant readAt,
    List<HostEntry> hosts,
    List<Leaver> leavers,
    List<Merged> mergedAway,
    Map<String, Link> links,
    Map<String, PortPerson> pcoPeople,
    boolean pcoPeopleComplete,
    Map<String, PortServicesPerson> services,
    boolean servicesComplete,
    Set<String> servicesAbsent,
    Map<String, CreateIntent> intents,
    Map<String, List<PortPerson>> intentCandidates,
    String meId,
    Set<String> controlledTags,
    List<AvailableTag> tagsToPublish,
    Map<String, String> rejectedCreates) {

  public PlanInput {
    requireNonNull(account, "account == null");
    requireNonNull(mode, "mode == null");
    requireNonNull(readAt, "readAt == null");
    hosts = List.copyOf(hosts);
    leavers = List.copyOf(leavers);
    mergedAway = List.copyOf(mergedAway);
    links = Map.copyOf(links);
    pcoPeople = Map.copyOf(pcoPeople);
    services = Map.copyOf(services);
    servicesAbsent = Set.copyOf(servicesAbsent);
    intents = Map.copyOf(intents);
    intentCandidates = Map.copyOf(intentCandidates);
    controlledTags = Set.copyOf(controlledTags);
    rejectedCreates = Map.copyOf(rejectedCreates);
  }

  /** The state-store checkpoint name under which a rejected create of a host person is kept. */
  public static String rejectedCreateCheckpoint(String hostStableId) {
    return "create-rejected/" + hostStableId;
  }

  /** Returns the key of a create's attributes: equal keys mean the same request body. */
  public static String createKey(Map<org.pcosync.core.port.PersonAttribute, String> attributes) {
    return new java.util.TreeMap<>(attributes).toString();
  }

  /**
   * A host person in the sync set.
   *
   * @param person the host person
   * @param member their level and tags
   */
  public record HostEntry(HostPerson person, SyncSet.Member member) {
    public HostEntry {
      requireNonNull(person, "person == null");
      requireNonNull(member, "member == null");
    }
  }

  /**
   * A link whose host person was merged into another host person.
   *
   * @param link the link, under the merged-away stable id
   * @param survivorId the current id of the person it now resolves to
   */
  public record Merged(Link link, String survivorId) {
    public Merged {
      requireNonNull(link, "link == null");
      requireNonNull(survivorId, "survivorId == null");
    }
  }

  /**
   * A linked person who left the sync set.
   *
   * @param link the link
   * @param person the host person now; nullable when the host no longer has them
   * @param attributeTags the tags selected on their attribute
   */
  public record Leaver(Link link, HostPerson person, Set<String> attributeTags) {
    public Leaver {
      requireNonNull(link, "link == null");
      attributeTags = Set.copyOf(attributeTags);
    }
  }
}
