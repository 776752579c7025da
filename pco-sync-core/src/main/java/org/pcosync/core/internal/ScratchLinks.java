package org.pcosync.core.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcosync.api.Link;
import org.pcosync.api.spi.ForwardingSyncStateStore;
import org.pcosync.api.spi.SyncStateStore;

/**
 * A state store for applying the plan of someone who is not a host person (a form submission, a
 * registration): links and checkpoints the {@link Applier} writes stay in this object and are
 * forgotten, everything else — create intents above all, so a crashed create is recovered on a
 * retry — goes to the real store. Thread-safe (synchronized); one instance per push.
 */
final class ScratchLinks extends ForwardingSyncStateStore {
  private final Map<String, Link> links = new HashMap<>();
  private final Map<String, String> checkpoints = new HashMap<>();

  ScratchLinks(SyncStateStore real) {
    super(real);
  }

  @Override
  public synchronized Optional<Link> linkByHost(String accountId, String hostStableId) {
    return Optional.ofNullable(links.get(hostStableId));
  }

  @Override
  public synchronized Optional<Link> linkByPco(String accountId, String pcoPersonId) {
    return links.values().stream().filter(l -> l.pcoPersonId().equals(pcoPersonId)).findFirst();
  }

  @Override
  public synchronized List<Link> links(String accountId) {
    return List.copyOf(links.values());
  }

  @Override
  public synchronized void saveLink(Link link) {
    links.put(link.hostStableId(), link);
  }

  @Override
  public synchronized boolean deleteLink(String accountId, String hostStableId) {
    return links.remove(hostStableId) != null;
  }

  @Override
  public synchronized Optional<String> checkpoint(String accountId, String name) {
    return Optional.ofNullable(checkpoints.get(name));
  }

  @Override
  public synchronized void saveCheckpoint(String accountId, String name, String value) {
    checkpoints.put(name, value);
  }

  @Override
  public synchronized void clearCheckpoint(String accountId, String name) {
    checkpoints.remove(name);
  }
}
