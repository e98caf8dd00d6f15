package io.baton.connectors;

/**
 * A business outcome the diagram should handle (low confidence, validation failed, budget
 * exceeded): the runtime raises it as a BPMN error with {@link #code()}, not as a failure.
 */
public class ConnectorBpmnError extends RuntimeException {

  private final String code;

  public ConnectorBpmnError(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
