package io.baton.connectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business outcome the diagram should handle (low confidence, validation failed, budget exceeded,
 * a conflict answered by an API): the runtime raises it as a BPMN error with {@link #code()}, not
 * as a failure, and sets {@link #variables()} so the boundary event that catches it can route on
 * them.
 */
public class ConnectorBpmnError extends RuntimeException {

  private final String code;
  private final Map<String, Object> variables;

  public ConnectorBpmnError(String code, String message) {
    this(code, message, Map.of());
  }

  /**
   * @param variables set on the task's scope with the error (such as {@code httpStatus}); null
   *     values are kept, so a variable the diagram reads is always there
   */
  public ConnectorBpmnError(String code, String message, Map<String, Object> variables) {
    super(message);
    this.code = code;
    this.variables =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(variables == null ? Map.<String, Object>of() : variables));
  }

  public String code() {
    return code;
  }

  /** The variables to pass with the BPMN error; empty for most errors. */
  public Map<String, Object> variables() {
    return variables;
  }
}
