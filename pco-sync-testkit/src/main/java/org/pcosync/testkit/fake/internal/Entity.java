package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored resource: its JSON:API type, id, attributes in the newest (canonical) shape and the id of
 * the person it belongs to (null for top-level resources). Guarded by the {@link Store} lock.
 */
public final class Entity {
  public final String type;
  public final String id;
  public final ObjectNode attrs;
  public String personId;

  public Entity(String type, String id, ObjectNode attrs, String personId) {
    this.type = type;
    this.id = id;
    this.attrs = attrs;
    this.personId = personId;
  }

  public long numericId() {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  public String str(String name) {
    return Json.text(attrs.get(name));
  }

  public boolean bool(String name) {
    return attrs.path(name).asBoolean(false);
  }
}
