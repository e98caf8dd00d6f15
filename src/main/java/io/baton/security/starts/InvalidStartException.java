package io.baton.security.starts;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** A start that breaks a process's {@link StartRules}; nothing was started. */
public class InvalidStartException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidStartException(String processKey, List<String> problems) {
    super("invalid start of %s: %s".formatted(processKey, String.join("; ", problems)));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
