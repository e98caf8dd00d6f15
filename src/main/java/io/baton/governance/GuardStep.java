package io.baton.governance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * Whether a process has a guard step, read from its diagram: a service task on topic {@value
 * #TOPIC}. In such a process, routing treats a missing guard result as a reason for a person to
 * look, so removing the result (or skipping the step) never lets a case act on its own.
 */
final class GuardStep {

  static final String TOPIC = "baton.guard";

  private GuardStep() {}

  static boolean in(DelegateExecution execution) {
    BpmnModelInstance diagram = execution.getBpmnModelInstance();
    return diagram != null
        && diagram.getModelElementsByType(ServiceTask.class).stream()
            .anyMatch(task -> TOPIC.equals(task.getCamundaTopic()));
  }
}
