package io.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every drawn diagram is clean, without errors or warnings, under bpmnlint's recommended rules and
 * the Camunda 7.24 compatibility rules ({@code .bpmnlint/.bpmnlintrc}). bpmnlint is the version
 * pinned in {@code .bpmnlint/package-lock.json}, installed here with {@code npm ci} when {@code
 * .bpmnlint/node_modules} does not match the lock; one run lints all diagrams.
 */
class ProcessLintTest {

  private static final Path LINT = Path.of(".bpmnlint");
  private static final Path INSTALLED_LOCK = LINT.resolve("node_modules/.installed-package-lock");

  @Test
  void every_diagram_is_clean_under_bpmnlint() throws Exception {
    String node = version("node");
    assumeTrue(
        node != null && version("npm") != null,
        "bpmnlint skipped: Node.js and npm are not installed here"
            + " (apt-get install nodejs npm; .ci/run does this)");
    assumeTrue(
        loadsEsModulesWithRequire(node),
        "bpmnlint skipped: it needs Node.js 20.19 or newer, found " + node);
    installPinnedBpmnlint();

    List<String> command =
        new ArrayList<>(List.of("node", "node_modules/bpmnlint/bin/bpmnlint.js"));
    command.add("--max-warnings=0");
    for (Path diagram : Diagrams.drawn()) {
      command.add(LINT.toAbsolutePath().relativize(diagram.toAbsolutePath()).toString());
    }
    Result lint = run(command, 60);

    assertThat(lint.exit())
        .as("bpmnlint (%s) found problems:%n%s", LINT.resolve(".bpmnlintrc"), lint.output())
        .isZero();
  }

  private static void installPinnedBpmnlint() throws IOException, InterruptedException {
    String lock = Files.readString(LINT.resolve("package-lock.json"));
    if (Files.exists(INSTALLED_LOCK) && Files.readString(INSTALLED_LOCK).equals(lock)) {
      return;
    }
    Result install = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), 300);
    assertThat(install.exit()).as("npm ci in %s failed:%n%s", LINT, install.output()).isZero();
    Files.writeString(INSTALLED_LOCK, lock);
  }

  private static String version(String tool) throws InterruptedException {
    try {
      Result result = run(List.of(tool, "--version"), 30);
      return result.exit() == 0 ? result.output().strip() : null;
    } catch (IOException notInstalled) {
      return null;
    }
  }

  /** bpmnlint 11 loads bpmn-moddle, an ES module, with require(): Node.js 20.19+ or 22.12+. */
  private static boolean loadsEsModulesWithRequire(String nodeVersion) {
    String[] parts = nodeVersion.replaceFirst("^v", "").split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = Integer.parseInt(parts[1]);
    return major > 22 || (major == 22 && minor >= 12) || (major == 20 && minor >= 19);
  }

  private static Result run(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("bpmnlint", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(LINT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().put("NO_COLOR", "1");
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(output));
    } finally {
      Files.delete(output);
    }
  }

  private record Result(int exit, String output) {}
}
