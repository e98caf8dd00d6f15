package io.baton.support;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Test diagrams' tool tasks: the approval policy a template's field would set. */
public final class ToolTasks {

  private ToolTasks() {}

  /**
   * Sets {@code baton.approval} of task {@code taskId} ({@code always}, {@code as-routed}, {@code
   * none}).
   */
  public static BpmnModelInstance approval(BpmnModelInstance model, String taskId, String policy) {
    return property(model, taskId, "baton.approval", policy);
  }

  /** Sets a {@code camunda:property} of an element, as a template's field would. */
  public static BpmnModelInstance property(
      BpmnModelInstance model, String elementId, String name, String value) {
    BaseElement task = model.getModelElementById(elementId);
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      task.setExtensionElements(extensions);
    }
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(name);
    property.setCamundaValue(value);
    properties.getCamundaProperties().add(property);
    extensions.addChildElement(properties);
    return model;
  }
}
