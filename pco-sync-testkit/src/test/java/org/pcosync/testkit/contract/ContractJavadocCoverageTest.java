package org.pcosync.testkit.contract;

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

/** Every public and protected element of the contract kit and the in-memory host carries Javadoc. */
final class ContractJavadocCoverageTest {

  @Test
  void everyPublicElementHasAComment(@TempDir Path out) throws IOException {
    List<Path> sources;
    try (Stream<Path> s = Stream.concat(
        Files.walk(Path.of("src/main/java/org/pcosync/testkit/contract")),
        Files.walk(Path.of("src/main/java/org/pcosync/testkit/memory")))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean compiled = javac.getTask(
              diagnostics, files, null,
              List.of("-Xdoclint:missing/protected", "-Xmaxwarns", "10000", "-d", out.toString(),
                  "-classpath", System.getProperty("java.class.path")),
              null, files.getJavaFileObjectsFromPaths(sources))
          .call();
      assertThat(compiled).as(diagnostics.toString()).isTrue();
    }
    List<String> missing = diagnostics.toString().lines()
        .filter(l -> l.contains("warning: no comment"))
        .collect(Collectors.toList());
    assertThat(missing).as("public elements without Javadoc").isEmpty();
    assertThat(sources).hasSizeGreaterThan(10);
  }
}
