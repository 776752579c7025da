package org.pcosync.examples.host;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.spi.TagAttributeStore;

/**
 * The sample host's "PCO Tags" person attribute over JDBC. Thread-safe: every call uses its own
 * connection (replacements run in one transaction).
 */
public final class SampleTagAttributeStore implements TagAttributeStore {
  private final Jdbc jdbc;

  SampleTagAttributeStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> selectedTags(String personId, String accountId) {
    return new LinkedHashSet<>(jdbc.query(
        "SELECT tag_id FROM person_pco_tag WHERE person_id = ? AND account_id = ? ORDER BY tag_id",
        rs -> rs.getString(1), Long.parseLong(personId), accountId));
  }

  @Override
  public void setSelectedTags(String personId, String accountId, Set<String> tagIds) {
    long id = Long.parseLong(personId);
    jdbc.inTransaction(
        c -> {
          try (var ps = Jdbc.prepare(c, "DELETE FROM person_pco_tag WHERE person_id = ? AND account_id = ?", id, accountId)) {
            ps.executeUpdate();
          }
          for (String tag : tagIds) {
            try (var ps = Jdbc.prepare(c,
                "INSERT INTO person_pco_tag (person_id, account_id, tag_id) VALUES (?, ?, ?)", id, accountId, tag)) {
              ps.executeUpdate();
            }
          }
        });
  }

  @Override
  public Map<String, Set<String>> peopleWithTags(String accountId) {
    Map<String, Set<String>> out = new TreeMap<>();
    jdbc.query("SELECT person_id, tag_id FROM person_pco_tag WHERE account_id = ? ORDER BY person_id, tag_id",
        rs -> out.computeIfAbsent(Long.toString(rs.getLong(1)), k -> new LinkedHashSet<>()).add(rs.getString(2)),
        accountId);
    return out;
  }

  @Override
  public void publishAvailableTags(String accountId, List<AvailableTag> tags) {
    jdbc.inTransaction(
        c -> {
          try (var ps = Jdbc.prepare(c, "DELETE FROM available_pco_tag WHERE account_id = ?", accountId)) {
            ps.executeUpdate();
          }
          for (AvailableTag t : tags) {
            try (var ps = Jdbc.prepare(c,
                "INSERT INTO available_pco_tag (account_id, tag_id, name, group_name, group_controlled) VALUES (?,?,?,?,?)",
                accountId, t.tagId(), t.name(), t.groupName(), t.isGroupControlled())) {
              ps.executeUpdate();
            }
          }
        });
  }

  /** Returns the tags published for an account as "Group &gt; Tag" labels, for the host's UI. */
  public List<String> availableTagLabels(String accountId) {
    return jdbc.query(
        "SELECT group_name, name, group_controlled FROM available_pco_tag WHERE account_id = ? ORDER BY group_name, name",
        rs -> rs.getString(1) + " > " + rs.getString(2) + (rs.getBoolean(3) ? " (set by group)" : ""), accountId);
  }
}
