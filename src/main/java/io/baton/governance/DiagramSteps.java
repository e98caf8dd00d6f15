package io.baton.governance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * Which of Baton's steps a process has, read from its diagram: a service task on the step's topic.
 * Routing gives a step's result a stated default ("not validated", "not guarded") only when the
 * process has no such step; in a process with the step, a missing result holds the case back, so
 * removing a result (or skipping the step) never lets a case act on its own.
 */
final class DiagramSteps {

  static final String GUARD = "baton.guard";
  static final String VALIDATE = "baton.validate";
  static final String ENSEMBLE = "baton.ensemble";

  private DiagramSteps() {}

  static boolean has(DelegateExecution execution, String topic) {
    BpmnModelInstance diagram = execution.getBpmnModelInstance();
    return diagram != null
        && diagram.getModelElementsByType(ServiceTask.class).stream()
            .anyMatch(task -> topic.equals(task.getCamundaTopic()));
  }
}
