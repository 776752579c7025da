package org.pcosync.core.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.PermissionLevel;
import org.pcosync.core.port.Page;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PcoUnavailableException;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortServicesPerson;
import org.pcosync.core.port.PortTagGroup;

/**
 * Records every Services call the engine makes (reads included) and can fail the next read of a
 * later People page, as PCO going away in the middle of a listing would.
 */
final class ServicesWatchingPort extends ForwardingPcoPort {
  private final List<String> servicesCalls = new ArrayList<>();
  private volatile boolean failNextLaterPage;

  ServicesWatchingPort(PcoPort delegate) {
    super(delegate);
  }

  /** Returns the Services calls so far, e.g. "servicesPeople", "addToServices 12". */
  synchronized List<String> servicesCalls() {
    return List.copyOf(servicesCalls);
  }

  /** The next read of a People page other than the first fails with a 503. */
  void failNextLaterPage() {
    failNextLaterPage = true;
  }

  private synchronized void record(String call) {
    servicesCalls.add(call);
  }

  @Override
  public Page<PortPerson> people(Instant updatedSince, String pageToken) {
    if (pageToken != null && failNextLaterPage) {
      failNextLaterPage = false;
      throw new PcoUnavailableException("HTTP 503 (scripted)", null);
    }
    return super.people(updatedSince, pageToken);
  }

  @Override
  public List<PortServicesPerson> servicesPeople(Instant updatedSince) {
    record("servicesPeople");
    return super.servicesPeople(updatedSince);
  }

  @Override
  public Optional<PortServicesPerson> servicesPerson(String id) {
    record("servicesPerson " + id);
    return super.servicesPerson(id);
  }

  @Override
  public void addToServices(String personId, String welcomeTemplateId) {
    record("addToServices " + personId);
    super.addToServices(personId, welcomeTemplateId);
  }

  @Override
  public void setPermission(String personId, PermissionLevel level) {
    record("setPermission " + personId);
    super.setPermission(personId, level);
  }

  @Override
  public void archive(String personId) {
    record("archive " + personId);
    super.archive(personId);
  }

  @Override
  public void assignTags(String personId, Set<String> tagIds) {
    record("assignTags " + personId);
    super.assignTags(personId, tagIds);
  }

  @Override
  public List<PortTagGroup> tagGroups() {
    record("tagGroups");
    return super.tagGroups();
  }
}
