package io.baton.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The decision tables of {@code processes/}, for table tests without the engine. */
public final class DecisionFiles {

  /** A DMN engine with Camunda's defaults, as the process engine evaluates tables. */
  public static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DecisionFiles() {}

  /** Decision {@code decisionId} of {@code processes/<file>}. */
  public static DmnDecision parse(String file, String decisionId) {
    try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
      return DMN.parseDecision(decisionId, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
