package org.pcosync.core.scenario;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PostalAddress;
import org.pcosync.core.port.Page;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortAddress;
import org.pcosync.core.port.PortEmail;
import org.pcosync.core.port.PortMerger;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortPhone;
import org.pcosync.core.port.PortServicesPerson;
import org.pcosync.core.port.PortTagGroup;

/** A port that forwards every call; subclasses inject faults. */
class ForwardingPcoPort implements PcoPort {
  private final PcoPort d;

  ForwardingPcoPort(PcoPort delegate) {
    this.d = delegate;
  }

  @Override
  public Page<PortPerson> people(Instant updatedSince, String pageToken) {
    return d.people(updatedSince, pageToken);
  }

  @Override
  public Optional<PortPerson> person(String id) {
    return d.person(id);
  }

  @Override
  public List<PortPerson> searchByEmail(String email) {
    return d.searchByEmail(email);
  }

  @Override
  public List<PortPerson> findByRemoteId(String remoteId) {
    return d.findByRemoteId(remoteId);
  }

  @Override
  public List<PortPerson> findByName(String firstName, String lastName) {
    return d.findByName(firstName, lastName);
  }

  @Override
  public String meId() {
    return d.meId();
  }

  @Override
  public List<PortMerger> mergersSince(Instant since) {
    return d.mergersSince(since);
  }

  @Override
  public PortPerson createPerson(Map<PersonAttribute, String> attributes) {
    return d.createPerson(attributes);
  }

  @Override
  public PortPerson updatePerson(String id, Map<PersonAttribute, String> attributes) {
    return d.updatePerson(id, attributes);
  }

  @Override
  public void deletePerson(String id) {
    d.deletePerson(id);
  }

  @Override
  public PortEmail addEmail(String personId, String address, String location, boolean primary) {
    return d.addEmail(personId, address, location, primary);
  }

  @Override
  public PortEmail updateEmail(String emailId, String address, boolean primary) {
    return d.updateEmail(emailId, address, primary);
  }

  @Override
  public PortPhone addPhone(String personId, String number, String location, boolean primary) {
    return d.addPhone(personId, number, location, primary);
  }

  @Override
  public PortPhone updatePhone(String phoneId, String number) {
    return d.updatePhone(phoneId, number);
  }

  @Override
  public void deletePhone(String phoneId) {
    d.deletePhone(phoneId);
  }

  @Override
  public PortAddress addAddress(String personId, PostalAddress address, String location, boolean primary) {
    return d.addAddress(personId, address, location, primary);
  }

  @Override
  public PortAddress updateAddress(String addressId, PostalAddress address) {
    return d.updateAddress(addressId, address);
  }

  @Override
  public void deleteAddress(String addressId) {
    d.deleteAddress(addressId);
  }

  @Override
  public void setAvatar(String personId, InputStream content, String contentType) {
    d.setAvatar(personId, content, contentType);
  }

  @Override
  public List<PortServicesPerson> servicesPeople(Instant updatedSince) {
    return d.servicesPeople(updatedSince);
  }

  @Override
  public Optional<PortServicesPerson> servicesPerson(String id) {
    return d.servicesPerson(id);
  }

  @Override
  public void addToServices(String personId, String welcomeTemplateId) {
    d.addToServices(personId, welcomeTemplateId);
  }

  @Override
  public void setPermission(String personId, PermissionLevel level) {
    d.setPermission(personId, level);
  }

  @Override
  public void archive(String personId) {
    d.archive(personId);
  }

  @Override
  public void assignTags(String personId, Set<String> tagIds) {
    d.assignTags(personId, tagIds);
  }

  @Override
  public List<PortTagGroup> tagGroups() {
    return d.tagGroups();
  }
}
