package org.pcosync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every public type, constructor, method and constant of the SPI module carries Javadoc. */
final class JavadocCoverageTest {

  @Test
  void everyPublicElementHasAComment(@TempDir Path out) throws IOException {
    List<Path> sources;
    try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean compiled = javac.getTask(
              diagnostics, files, null,
              List.of("-Xdoclint:missing/protected", "-Xmaxwarns", "10000", "-d", out.toString()),
              null, files.getJavaFileObjectsFromPaths(sources))
          .call();
      assertThat(compiled).isTrue();
    }
    List<String> missing = diagnostics.toString().lines()
        .filter(l -> l.contains("warning: no comment"))
        .collect(Collectors.toList());
    assertThat(missing).as("public elements without Javadoc").isEmpty();
    assertThat(sources).hasSizeGreaterThan(20);
  }
}
