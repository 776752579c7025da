package org.pcosync.examples.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;

/** The sample host's groups over JDBC. Thread-safe: every call uses its own connection. */
public final class SampleGroupRepository implements GroupRepository {
  private final Jdbc jdbc;

  SampleGroupRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<SyncGroup> syncGroups(String accountId) {
    Map<Long, String[]> groups = new LinkedHashMap<>();
    jdbc.query(
        "SELECT g.id, g.name, s.permission_level FROM group_sync s JOIN host_group g ON g.id = s.group_id "
            + "WHERE s.account_id = ? ORDER BY g.id",
        rs -> groups.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)}),
        accountId);
    List<SyncGroup> out = new ArrayList<>();
    groups.forEach(
        (id, row) -> {
          Set<String> tags = new LinkedHashSet<>(jdbc.query(
              "SELECT tag_id FROM group_sync_tag WHERE group_id = ? AND account_id = ? ORDER BY tag_id",
              rs -> rs.getString(1), id, accountId));
          PermissionLevel level = row[1] == null ? null : PermissionLevel.valueOf(row[1]);
          out.add(new SyncGroup(Long.toString(id), row[0], level, tags));
        });
    return out;
  }

  @Override
  public Set<String> activeMemberIds(String groupId) {
    Long id = parse(groupId);
    if (id == null) {
      return Set.of();
    }
    return new HashSet<>(jdbc.query("SELECT person_id FROM group_member WHERE group_id = ? AND active = TRUE",
        rs -> Long.toString(rs.getLong(1)), id));
  }

  @Override
  public void addMember(String groupId, String personId) {
    Long id = parse(groupId);
    if (id == null || jdbc.query("SELECT id FROM host_group WHERE id = ?", rs -> 1, id).isEmpty()) {
      throw new NoSuchElementException("no group " + groupId);
    }
    jdbc.update("MERGE INTO group_member (group_id, person_id, active) KEY (group_id, person_id) VALUES (?, ?, TRUE)",
        id, Long.parseLong(personId));
  }

  private static Long parse(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
