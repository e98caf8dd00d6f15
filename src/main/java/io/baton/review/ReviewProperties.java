package io.baton.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a review user task declares about its review in {@code camunda:properties}: the process
 * variables shown as the AI's result, the ones the reviewer may change, the variable holding the
 * AI's label and the label set a corrected label comes from, and the variables shown as what the AI
 * read.
 */
record ReviewProperties(
    String taskId,
    List<String> fields,
    List<String> editable,
    String label,
    String labelSet,
    List<String> context) {

  static final String FIELDS = "baton.review.fields";
  static final String EDITABLE = "baton.review.editable";
  static final String LABEL = "baton.review.label";
  static final String LABEL_SET = "baton.review.labelSet";
  static final String CONTEXT = "baton.review.context";

  ReviewProperties {
    if (fields.size() > ReviewForm.MAX_FIELDS || context.size() > ReviewForm.MAX_CONTEXT) {
      throw new IllegalStateException(
          "review task '%s': the review form shows at most %d fields (%s) and %d context variables (%s)"
              .formatted(taskId, ReviewForm.MAX_FIELDS, FIELDS, ReviewForm.MAX_CONTEXT, CONTEXT));
    }
    for (String name : editable) {
      if (!fields.contains(name)) {
        throw new IllegalStateException(
            "review task '%s': %s names '%s', which is not one of %s %s"
                .formatted(taskId, EDITABLE, name, FIELDS, fields));
      }
    }
  }

  static ReviewProperties of(DelegateTask task) {
    FlowElement element = task.getBpmnModelElementInstance();
    Map<String, String> properties = properties(element.getExtensionElements());
    String taskId = element.getId();
    return new ReviewProperties(
        taskId,
        names(properties.get(FIELDS)),
        names(properties.get(EDITABLE)),
        blankToNull(properties.get(LABEL)),
        blankToNull(properties.get(LABEL_SET)),
        names(properties.get(CONTEXT)));
  }

  private static Map<String, String> properties(ExtensionElements extensions) {
    Map<String, String> properties = new HashMap<>();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties group :
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        properties.put(property.getCamundaName(), property.getCamundaValue());
      }
    }
    return properties;
  }

  private static List<String> names(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .forEach(names::add);
    return List.copyOf(names);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
