package io.baton.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.ActionDigest;
import io.baton.connectors.ConnectorFunction;
import io.baton.payloads.Payloads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The exact arguments an action (a tool task of the diagram) would act with if it ran now: its
 * input mappings evaluated in the case, and for a connector, the rest of its input record read from
 * the case's variables as the worker reads them. Their {@link ActionDigest} is what an approval
 * covers and what the tool's own digest must match when it acts.
 */
@Component
public class ActionArguments {

  private final Map<String, Class<?>> inputTypes;
  private final Payloads payloads;

  ActionArguments(List<ConnectorFunction<?, ?>> connectors, Payloads payloads) {
    this.payloads = payloads;
    this.inputTypes =
        connectors.stream()
            .collect(
                Collectors.toMap(
                    ConnectorFunction::topic, ConnectorFunction::inputType, (a, b) -> a));
  }

  /** An action, its arguments as they are now, and their digest. */
  public record Action(
      String activityId, String name, Map<String, Object> arguments, String digest) {

    /** The action in words, for the reviewer who approves it: its name and each argument. */
    public String summary() {
      return (name == null ? activityId : name + " (" + activityId + ")")
          + " with\n"
          + arguments.entrySet().stream()
              .map(e -> "- " + e.getKey() + ": " + e.getValue())
              .collect(Collectors.joining("\n"));
    }
  }

  /** The action of activity {@code activityId}, evaluated in {@code execution}'s case now. */
  public Action of(DelegateExecution execution, String activityId) {
    ActivityImpl activity =
        ((ExecutionEntity) execution).getProcessDefinition().findActivity(activityId);
    if (activity == null) {
      throw new IllegalStateException(
          "the approval covers '%s', which is not an activity of this process"
              .formatted(activityId));
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    if (activity.getIoMapping() != null) {
      for (InputParameter input : activity.getIoMapping().getInputParameters()) {
        arguments.put(input.getName(), plain(input.getValueProvider().getValue(execution)));
      }
    }
    Class<?> inputType = inputType(execution, activityId);
    if (inputType == null) {
      return new Action(
          activityId, name(execution, activityId), arguments, ActionDigest.of(arguments));
    }
    Map<String, Object> bound = new LinkedHashMap<>();
    for (var component : inputType.getRecordComponents()) {
      String name = component.getName();
      bound.put(
          name,
          arguments.containsKey(name) ? arguments.get(name) : plain(execution.getVariable(name)));
    }
    return new Action(
        activityId,
        name(execution, activityId),
        bound,
        ActionDigest.of(ActionDigest.bind(bound, inputType)));
  }

  private static String name(DelegateExecution execution, String activityId) {
    return execution.getBpmnModelInstance().getModelElementById(activityId)
            instanceof FlowElement element
        ? element.getName()
        : null;
  }

  private Class<?> inputType(DelegateExecution execution, String activityId) {
    if (execution.getBpmnModelInstance().getModelElementById(activityId) instanceof ServiceTask task
        && task.getCamundaTopic() != null) {
      return inputTypes.get(task.getCamundaTopic());
    }
    return null;
  }

  /** A value as the worker binds it: JSON as JSON, a stored payload's reference as its content. */
  private Object plain(Object value) {
    if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    if (value instanceof SpinJsonNode json) {
      JsonNode node = ActionDigest.readJson(json.toString());
      return Payloads.reference(node).map(payloads::resolve).orElse(node);
    }
    return value;
  }
}
