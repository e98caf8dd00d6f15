package io.baton.requests;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** A customer request that breaks {@link CustomerRequestRules}; nothing was started. */
public class InvalidCustomerRequestException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidCustomerRequestException(List<String> problems) {
    super("invalid customer request: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
