package io.baton.governance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The {@code camunda:properties} of a diagram element: how an analyst configures Baton's building
 * blocks in Modeler (the element templates fill them in), for example {@code baton.facts} on a
 * routing task or {@code baton.approval} on a tool task.
 */
public record ElementProperties(String elementId, Map<String, String> values) {

  public static ElementProperties of(DelegateExecution execution) {
    return of(execution.getBpmnModelElementInstance());
  }

  public static ElementProperties of(DelegateTask task) {
    return of(task.getBpmnModelElementInstance());
  }

  public static ElementProperties of(ModelElementInstance element) {
    Map<String, String> values = new LinkedHashMap<>();
    String id = null;
    if (element instanceof BaseElement base) {
      id = base.getId();
      ExtensionElements extensions = base.getExtensionElements();
      if (extensions != null) {
        for (CamundaProperties properties :
            extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
          for (CamundaProperty property : properties.getCamundaProperties()) {
            values.put(property.getCamundaName(), property.getCamundaValue());
          }
        }
      }
    }
    return new ElementProperties(id, values);
  }

  /** The value, or null when the property is absent or blank. */
  public String get(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A comma-separated list, empty when absent. */
  public List<String> list(String name) {
    String value = get(name);
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
