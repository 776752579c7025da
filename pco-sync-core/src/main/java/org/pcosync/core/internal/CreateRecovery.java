package org.pcosync.core.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.HostPerson;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortPerson;

/**
 * Finds the PCO person an interrupted create may have made (DESIGN §6): the recorded PCO id when
 * the create answered, else people with the host id as {@code remote_id} (numeric ids) or the
 * person's name, created no earlier than the intent (less {@link Planner#INTENT_SKEW}). Used by
 * every path that creates PCO people: runs, single-person syncs, form pushes and registrations.
 * Thread-safe (stateless).
 */
public final class CreateRecovery {
  private CreateRecovery() {}

  /** Returns the candidates for an open intent of {@code person}, in the order found. */
  public static List<PortPerson> candidates(PcoPort port, CreateIntent intent, HostPerson person) {
    Map<String, PortPerson> found = new LinkedHashMap<>();
    if (intent.pcoPersonId() != null) {
      port.person(intent.pcoPersonId()).ifPresent(p -> found.put(p.id(), p));
      return List.copyOf(found.values());
    }
    Instant earliest = intent.startedAt().minus(Planner.INTENT_SKEW);
    String id = intent.hostPersonId();
    if (!id.isEmpty() && id.length() <= 18 && id.chars().allMatch(Character::isDigit)) {
      port.findByRemoteId(id).forEach(p -> found.put(p.id(), p));
    }
    String last = person.data().lastName();
    Set<String> firsts = new LinkedHashSet<>();
    if (person.data().nickname() != null) {
      firsts.add(person.data().nickname());
    }
    if (person.data().firstName() != null) {
      firsts.add(person.data().firstName());
    }
    if (last != null) {
      for (String first : firsts) {
        port.findByName(first, last).forEach(p -> found.put(p.id(), p));
      }
    }
    return found.values().stream()
        .filter(p -> p.createdAt() == null || !p.createdAt().isBefore(earliest))
        .toList();
  }
}
