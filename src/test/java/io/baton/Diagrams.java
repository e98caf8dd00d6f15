package io.baton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The BPMN diagrams drawn as an analyst would draw them: every one in {@code processes/} and any
 * under {@code src/test/resources}, except the ones in {@code broken-diagrams/}, which are wrong on
 * purpose to prove that a check fails.
 */
final class Diagrams {

  static final Path BROKEN = Path.of("src/test/resources/broken-diagrams");

  private Diagrams() {}

  static List<Path> drawn() throws IOException {
    return Stream.concat(bpmn(Path.of("processes")), bpmn(Path.of("src/test/resources")))
        .filter(file -> !file.startsWith(BROKEN))
        .sorted()
        .toList();
  }

  private static Stream<Path> bpmn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).toList().stream();
    }
  }
}
