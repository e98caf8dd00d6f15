package io.baton.workers;

import java.util.Map;

/** What the engine is told about a finished task; {@link FailureContract} decides which. */
sealed interface TaskOutcome {

  /** The connector's output becomes the task's variables. */
  record Complete(Map<String, Object> variables) implements TaskOutcome {}

  /**
   * A business outcome: the diagram catches {@code code} with a boundary event, which sees {@code
   * variables} (such as {@code httpStatus}).
   */
  record BpmnError(String code, String message, Map<String, Object> variables)
      implements TaskOutcome {

    BpmnError(String code, String message) {
      this(code, message, Map.of());
    }
  }

  /**
   * A failure that may pass: the task runs again after {@code backoffMillis}, with one retry fewer;
   * with none left it becomes an incident.
   */
  record Retry(String message, int retriesLeft, long backoffMillis) implements TaskOutcome {}

  /** A failure that trying again cannot fix: an incident now, for a person to resolve. */
  record Incident(String message) implements TaskOutcome {}

  /** Not a failure: another attempt holds the effect; try again later, retries untouched. */
  record Wait(String message, int retries, long backoffMillis) implements TaskOutcome {}
}
