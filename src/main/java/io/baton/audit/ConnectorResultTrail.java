package io.baton.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.springframework.stereotype.Component;

/**
 * End listener of every Baton connector task ({@code ${connectorResultTrail}}, wired by the
 * governance parse listener): appends what the connector handed to the process to the case's trail,
 * so a validator's verdict or a guard's risk is there beside the model calls. The values are the
 * task's output mappings, or, for a task without any, its local variables other than its inputs.
 * Results of connectors that write with a model are marked as AI-generated.
 */
@Component("connectorResultTrail")
public class ConnectorResultTrail implements ExecutionListener {

  private static final Set<String> GENERATIVE =
      Set.of(
          "baton.classify", "baton.extract", "baton.draft-reply", "baton.prompt", "baton.ensemble");
  private static final int MAX_TEXT = 4_000;

  private final CaseTrail trail;

  ConnectorResultTrail(CaseTrail trail) {
    this.trail = trail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BaseElement element = (BaseElement) execution.getBpmnModelElementInstance();
    String topic = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "topic");
    CamundaInputOutput io =
        element.getExtensionElements() == null
            ? null
            : element
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaInputOutput.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    Map<String, Object> values = new LinkedHashMap<>();
    if (io != null && !io.getCamundaOutputParameters().isEmpty()) {
      for (CamundaOutputParameter output : io.getCamundaOutputParameters()) {
        values.put(output.getCamundaName(), shown(execution.getVariable(output.getCamundaName())));
      }
    } else {
      Set<String> inputs =
          io == null
              ? Set.of()
              : Set.copyOf(
                  io.getCamundaInputParameters().stream()
                      .map(CamundaInputParameter::getCamundaName)
                      .toList());
      execution
          .getVariablesLocal()
          .forEach(
              (name, value) -> {
                if (!inputs.contains(name)) {
                  values.put(name, shown(value));
                }
              });
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("topic", topic);
    payload.put("activityName", element.getAttributeValue("name"));
    payload.put("values", values);
    trail.append(
        execution.getProcessInstanceId(),
        new TrailEvent(
            TrailKind.CONNECTOR_RESULT,
            "connector:" + topic,
            execution.getCurrentActivityId(),
            null,
            GENERATIVE.contains(topic),
            null,
            payload));
  }

  private static Object shown(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    String text = String.valueOf(value);
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
  }
}
