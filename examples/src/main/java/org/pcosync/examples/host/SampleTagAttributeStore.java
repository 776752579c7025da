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
                "INSERT INTO available_pco_tag (account_id, tag_id, name, group_name, controlled_by) VALUES (?,?,?,?,?)",
                accountId, t.tagId(), t.name(), t.groupName(), String.join(",", new java.util.TreeSet<>(t.controllingGroupIds())))) {
              ps.executeUpdate();
            }
          }
        });
  }

  /** Returns the tags last published for an account, ordered by group name and name, for the host's UI. */
  public List<AvailableTag> availableTags(String accountId) {
    return jdbc.query(
        "SELECT tag_id, name, group_name, controlled_by FROM available_pco_tag WHERE account_id = ? ORDER BY group_name, name",
        rs -> new AvailableTag(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4).isEmpty() ? Set.of() : Set.of(rs.getString(4).split(","))),
        accountId);
  }
}
