package io.baton.connectors.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Camunda Modeler finds the connectors' templates when an analyst opens a diagram in {@code
 * processes/}: it reads {@code .camunda/element-templates/*.json} beside the diagram and in every
 * folder above it, so the repository root holds a byte-identical copy of each template.
 */
class ModelerDiscoveryTest {

  private static final Path MAINTAINED = ElementTemplates.FOLDER;
  private static final Path DISCOVERED = ElementTemplates.MODELER_FOLDER;

  static List<Path> templates() {
    List<Path> all = new java.util.ArrayList<>(ElementTemplates.files());
    all.addAll(ElementTemplates.governanceFiles());
    return all;
  }

  @ParameterizedTest
  @MethodSource("templates")
  void modeler_sees_the_template_as_it_is(Path file) throws IOException {
    Path copy = DISCOVERED.resolve(ElementTemplates.modelerName(file));
    String fix = "run: cp " + file + " " + copy;

    assertThat(Files.exists(copy)).as("%s has no copy in %s: %s", file, DISCOVERED, fix).isTrue();
    assertThat(Files.mismatch(file, copy))
        .as("%s differs from %s: %s", copy, file, fix)
        .isEqualTo(-1L);
  }

  @Test
  void modeler_sees_no_template_that_is_gone() {
    List<String> stale =
        ElementTemplates.files(DISCOVERED).stream()
            .filter(
                copy ->
                    templates().stream()
                        .noneMatch(
                            file ->
                                ElementTemplates.modelerName(file)
                                    .equals(copy.getFileName().toString())))
            .map(Path::toString)
            .toList();

    assertThat(stale)
        .as(
            "copies in %s with no template in %s: run: git rm %s",
            DISCOVERED, MAINTAINED, String.join(" ", stale))
        .isEmpty();
  }
}
