package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code README-snippet.md} compiling: the snippet is the body of {@link #snippet} (compiled
 * with the tests, not run: it would call the real PCO) and the test checks the Markdown matches it.
 */
final class ReadmeSnippetTest {

  @SuppressWarnings("unused")
  static void snippet(String appId, String secret) {
    // snippet-start
    PcoClient client = PcoClient.builder()
        .personalAccessToken(appId, secret)   // one client per PCO account; thread-safe
        .build();
    try (Stream<PcoPerson> changed = client.people().stream(PeopleQuery.updatedSince(Instant.parse("2026-11-01T00:00:00Z")))) {
      changed.forEach(p -> System.out.println(p.id() + " " + p.name() + " " + p.emails()));
    }
    List<PcoPerson> found = client.people().searchByEmail("ada@example.org");
    PcoPerson ada = found.isEmpty() ? client.people().create(PersonAttributes.builder().firstName("Ada").lastName("Lovelace").build()) : found.get(0);
    client.people().createEmail(ada.id(), EmailAttributes.builder().address("ada@example.org").location("Home").primary(true).build());
    client.services().assignTags(ada.id(), List.of("5", "9"));   // replaces the whole tag set
    // snippet-end
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  @Test
  void readmeSnippetIsTheCompiledCode() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/pcosync/client/ReadmeSnippetTest.java"));
    String code = between(source, "// snippet-start\n", "    // snippet-end").lines()
        .map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .collect(Collectors.joining("\n"));
    String markdown = Files.readString(Path.of("README-snippet.md"));

    String block = between(markdown, "```java\n", "```").strip();

    assertThat(block).isEqualTo(code.strip());
    assertThat(block.lines().count()).isLessThanOrEqualTo(10);
    assertThat(Files.readString(Path.of("../README.md"))).as("the project README shows the same snippet").contains(block);
  }
}
