package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pcosync.api.ConflictPolicy;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncField;
import org.pcosync.core.SyncConflict;

/**
 * The engine's text encoding of journal payloads: one record per line, fields separated by tabs,
 * backslash escapes ({@code \\ \t \n \r}) and {@code \0} for {@code null}. The first line names the
 * format version and the kind, so old entries stay readable. Stable: the same value always encodes
 * to the same text. Pure; thread-safe.
 *
 * <pre>
 * pco-sync-journal/1 run
 * run  FULL  2026-01-01T00:00:00Z
 * person  42  s-42  1001  updated
 * change  PCO  FIRST_NAME  Jim  James
 * </pre>
 */
public final class JournalCodec {
  static final String VERSION = "pco-sync-journal/1";

  private JournalCodec() {}

  /** Which side a journaled change wrote. */
  public enum Side { PCO, HOST }

  /**
   * One field a run changed on one side.
   *
   * @param side the side written
   * @param field the field; PERMISSION values are Services states ("Editor", "Archived", {@code null} = absent)
   * @param before the normalised value before; {@code null} when empty
   * @param after the normalised value written; {@code null} when cleared
   */
  public record Change(Side side, SyncField field, String before, String after) {
    public Change {
      requireNonNull(side, "side == null");
      requireNonNull(field, "field == null");
    }
  }

  /** How a run found the person's link. */
  public enum LinkKind { UPDATED, LINKED, CREATED }

  /**
   * One person of an applied run.
   *
   * @param hostPersonId the host id at the time of the run
   * @param hostStableId the link key
   * @param pcoPersonId the PCO person
   * @param linkKind whether the run created, linked or only updated the person
   * @param changes what it changed, in order
   * @param addressesBefore per side, the whole home address a change replaced (the change itself
   *     keeps only its comparison key), so a revert can write it back
   */
  public record RunPerson(String hostPersonId, String hostStableId, String pcoPersonId, LinkKind linkKind,
      List<Change> changes, Map<Side, PostalAddress> addressesBefore) {
    public RunPerson {
      requireNonNull(hostPersonId, "hostPersonId == null");
      requireNonNull(hostStableId, "hostStableId == null");
      requireNonNull(pcoPersonId, "pcoPersonId == null");
      requireNonNull(linkKind, "linkKind == null");
      changes = List.copyOf(changes);
      addressesBefore = Map.copyOf(addressesBefore);
    }

    /** A person without captured addresses. */
    public RunPerson(String hostPersonId, String hostStableId, String pcoPersonId, LinkKind linkKind,
        List<Change> changes) {
      this(hostPersonId, hostStableId, pcoPersonId, linkKind, changes, Map.of());
    }
  }

  /**
   * An applied run: what it changed, with before-values (a RUN entry).
   *
   * @param mode the run's mode
   * @param readAt when the run read both sides
   * @param people the people it changed
   */
  public record RunRecord(RunMode mode, Instant readAt, List<RunPerson> people) {
    public RunRecord {
      requireNonNull(mode, "mode == null");
      requireNonNull(readAt, "readAt == null");
      people = List.copyOf(people);
    }
  }

  /**
   * One person of a held plan: the person plan's deterministic text, compared with a fresh plan
   * when an admin applies it.
   *
   * @param hostPersonId the host id
   * @param hostStableId the link key
   * @param pcoPersonId the PCO person; {@code null} when the plan creates one
   * @param text {@link org.pcosync.core.PersonPlan#toString()}
   */
  public record HeldPerson(String hostPersonId, String hostStableId, String pcoPersonId, String text) {
    public HeldPerson {
      requireNonNull(hostPersonId, "hostPersonId == null");
      requireNonNull(hostStableId, "hostStableId == null");
      requireNonNull(text, "text == null");
    }
  }

  /**
   * A plan the guard held (a HELD_PLAN entry).
   *
   * @param mode the plan's mode
   * @param readAt when it was read
   * @param reason why it was held
   * @param people its person plans
   */
  public record HeldRecord(RunMode mode, Instant readAt, String reason, List<HeldPerson> people) {
    public HeldRecord {
      requireNonNull(mode, "mode == null");
      requireNonNull(readAt, "readAt == null");
      requireNonNull(reason, "reason == null");
      people = List.copyOf(people);
    }
  }

  /**
   * A conflict held for review (a CONFLICT entry).
   *
   * @param hostStableId the link key
   * @param conflict the conflict as reported
   */
  public record ConflictRecord(String hostStableId, SyncConflict conflict) {
    public ConflictRecord {
      requireNonNull(hostStableId, "hostStableId == null");
      requireNonNull(conflict, "conflict == null");
    }
  }

  // ---- encode -------------------------------------------------------------------------------------

  /** Encodes an applied run. */
  public static String encode(RunRecord r) {
    StringBuilder b = header("run");
    line(b, "run", r.mode().name(), r.readAt().toString());
    for (RunPerson p : r.people()) {
      line(b, "person", p.hostPersonId(), p.hostStableId(), p.pcoPersonId(), p.linkKind().name());
      for (Change c : p.changes()) {
        line(b, "change", c.side().name(), c.field().name(), c.before(), c.after());
      }
      for (Side side : Side.values()) {
        PostalAddress a = p.addressesBefore().get(side);
        if (a != null) {
          line(b, "address", side.name(), a.streetLine1(), a.streetLine2(), a.city(), a.state(), a.zip(),
              a.countryCode());
        }
      }
    }
    return b.toString();
  }

  /** Encodes a held plan. */
  public static String encode(HeldRecord r) {
    StringBuilder b = header("held");
    line(b, "plan", r.mode().name(), r.readAt().toString(), r.reason());
    for (HeldPerson p : r.people()) {
      line(b, "person", p.hostPersonId(), p.hostStableId(), p.pcoPersonId(), p.text());
    }
    return b.toString();
  }

  /** Encodes a held conflict. */
  public static String encode(ConflictRecord r) {
    SyncConflict c = r.conflict();
    StringBuilder b = header("conflict");
    line(b, "conflict", r.hostStableId(), c.hostPersonId(), c.pcoPersonId(), c.field().name(), c.base(),
        c.hostValue(), c.pcoValue(), c.policy().name(), c.winner());
    return b.toString();
  }

  private static StringBuilder header(String kind) {
    return new StringBuilder(VERSION).append(' ').append(kind).append('\n');
  }

  private static void line(StringBuilder b, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      b.append(i == 0 ? fields[i] : escape(fields[i]));
    }
    b.append('\n');
  }

  static String escape(String v) {
    if (v == null) {
      return "\\0";
    }
    StringBuilder b = new StringBuilder(v.length());
    for (char ch : v.toCharArray()) {
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  static String unescape(String v) {
    if (v.equals("\\0")) {
      return null;
    }
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch != '\\') {
        b.append(ch);
        continue;
      }
      if (++i == v.length()) {
        throw new IllegalArgumentException("dangling backslash in journal value");
      }
      switch (v.charAt(i)) {
        case '\\' -> b.append('\\');
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        default -> throw new IllegalArgumentException("unknown escape \\" + v.charAt(i) + " in journal value");
      }
    }
    return b.toString();
  }

  // ---- decode -------------------------------------------------------------------------------------

  /**
   * Decodes an applied run.
   *
   * @throws IllegalArgumentException when the payload is not a run of this format
   */
  public static RunRecord decodeRun(String payload) {
    List<String[]> lines = lines(payload, "run");
    String[] head = expect(lines.get(0), "run", 3);
    List<RunPerson> people = new ArrayList<>();
    String[] person = null;
    List<Change> changes = new ArrayList<>();
    Map<Side, PostalAddress> addresses = new EnumMap<>(Side.class);
    for (String[] l : lines.subList(1, lines.size())) {
      if (l[0].equals("person")) {
        if (person != null) {
          people.add(runPerson(person, changes, addresses));
        }
        person = expect(l, "person", 5);
        changes = new ArrayList<>();
        addresses = new EnumMap<>(Side.class);
      } else if (l[0].equals("address")) {
        expect(l, "address", 8);
        if (person == null) {
          throw new IllegalArgumentException("journal address before any person");
        }
        addresses.put(Side.valueOf(l[1]), new PostalAddress(l[2], l[3], l[4], l[5], l[6], l[7]));
      } else {
        expect(l, "change", 5);
        if (person == null) {
          throw new IllegalArgumentException("journal change before any person");
        }
        changes.add(new Change(Side.valueOf(l[1]), SyncField.valueOf(l[2]), l[3], l[4]));
      }
    }
    if (person != null) {
      people.add(runPerson(person, changes, addresses));
    }
    return new RunRecord(RunMode.valueOf(head[1]), Instant.parse(head[2]), people);
  }

  private static RunPerson runPerson(String[] l, List<Change> changes, Map<Side, PostalAddress> addresses) {
    return new RunPerson(l[1], l[2], l[3], LinkKind.valueOf(l[4]), changes, addresses);
  }

  /**
   * Decodes a held plan.
   *
   * @throws IllegalArgumentException when the payload is not a held plan of this format
   */
  public static HeldRecord decodeHeld(String payload) {
    List<String[]> lines = lines(payload, "held");
    String[] head = expect(lines.get(0), "plan", 4);
    List<HeldPerson> people = new ArrayList<>();
    for (String[] l : lines.subList(1, lines.size())) {
      expect(l, "person", 5);
      people.add(new HeldPerson(l[1], l[2], l[3], l[4]));
    }
    return new HeldRecord(RunMode.valueOf(head[1]), Instant.parse(head[2]), head[3], people);
  }

  /**
   * Decodes a held conflict.
   *
   * @throws IllegalArgumentException when the payload is not a conflict of this format
   */
  public static ConflictRecord decodeConflict(String payload) {
    List<String[]> lines = lines(payload, "conflict");
    String[] l = expect(lines.get(0), "conflict", 10);
    return new ConflictRecord(l[1], new SyncConflict(l[2], l[3], SyncField.valueOf(l[4]), l[5], l[6], l[7],
        ConflictPolicy.valueOf(l[8]), l[9]));
  }

  private static List<String[]> lines(String payload, String kind) {
    String[] raw = payload.split("\n", -1);
    if (!raw[0].equals(VERSION + " " + kind)) {
      throw new IllegalArgumentException("not a " + kind + " journal payload of " + VERSION + ": " + raw[0]);
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 1; i < raw.length; i++) {
      if (raw[i].isEmpty()) {
        continue;
      }
      String[] f = raw[i].split("\t", -1);
      for (int j = 1; j < f.length; j++) {
        f[j] = unescape(f[j]);
      }
      out.add(f);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("empty " + kind + " journal payload");
    }
    return out;
  }

  private static String[] expect(String[] line, String tag, int fields) {
    if (!line[0].equals(tag) || line.length != fields) {
      throw new IllegalArgumentException("expected a '" + tag + "' line of " + fields + " fields, got '" + line[0]
          + "' with " + line.length);
    }
    return line;
  }
}
