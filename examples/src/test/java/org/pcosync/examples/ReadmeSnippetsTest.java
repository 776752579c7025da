package org.pcosync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README marked {@code <!-- snippet: path -->} is code that compiles and
 * runs in this build: its lines appear, in order, in the named test source.
 */
final class ReadmeSnippetsTest {
  private static final Pattern MARKED =
      Pattern.compile("<!-- snippet: (\\S+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void markedSnippetsAreCompiledTestCode() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher m = MARKED.matcher(readme);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      Path source = Path.of("..", m.group(1));
      assertThat(source).as("snippet source").exists();
      List<String> code = meaningful(Files.readString(source));
      List<String> snippet = meaningful(m.group(2));
      assertThat(code).as("README snippet from " + m.group(1)).containsSubsequence(snippet);
      checked.add(m.group(1));
    }
    assertThat(checked).as("marked snippets").hasSizeGreaterThanOrEqualTo(1);
  }

  private static List<String> meaningful(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
  }
}
