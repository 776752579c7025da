package org.pcosync.testkit.fake.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Creates stored Services email templates. Caller holds the store lock. */
public final class EmailTemplates {
  private EmailTemplates() {}

  public static Entity add(Store store, String kind, String subject, String htmlBody) {
    ObjectNode a = Json.object();
    String now = store.nowText();
    a.put("created_at", now);
    a.put("html_body", htmlBody);
    a.put("kind", kind);
    a.put("subject", subject);
    a.put("updated_at", now);
    Entity e = new Entity("EmailTemplate", store.nextId(), a, null);
    store.emailTemplates.put(e.id, e);
    return e;
  }
}
