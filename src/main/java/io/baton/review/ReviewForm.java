package io.baton.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.governance.ElementProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Create listener of a review task ({@code ${reviewForm}}): prepares what the generic review form
 * shows, from the task's properties: {@code baton.review.fields} (the AI's result), {@code
 * baton.review.editable} (what the reviewer may change), {@code baton.review.label} and {@code
 * baton.review.labelSet} (the options for a corrected label). On completion, {@link #changes} says
 * what the reviewer changed.
 */
@Component("reviewForm")
public class ReviewForm implements TaskListener {

  private final LabelSetCatalog labelSets;
  private final ObjectMapper json = new ObjectMapper();

  public ReviewForm(LabelSetCatalog labelSets) {
    this.labelSets = labelSets;
  }

  @Override
  public void notify(DelegateTask task) {
    ElementProperties review = ElementProperties.of(task);
    List<Map<String, Object>> fields = new ArrayList<>();
    List<String> editable = review.list("baton.review.editable");
    for (String name : review.list("baton.review.fields")) {
      Map<String, Object> field = new LinkedHashMap<>();
      Object value = task.getVariable(name);
      field.put("name", name);
      field.put("label", name);
      field.put("aiValue", value);
      field.put("value", value);
      field.put("editable", editable.contains(name));
      fields.add(field);
    }
    task.setVariableLocal("reviewFields", jsonValue(fields));
    String labelSet = review.get("baton.review.labelSet");
    if (labelSet != null) {
      List<Map<String, String>> options = new ArrayList<>();
      labelSets
          .get(labelSet)
          .names()
          .forEach(name -> options.add(Map.of("label", name, "value", name)));
      task.setVariableLocal("labelOptions", jsonValue(options));
    }
    String label = review.get("baton.review.label");
    if (label != null) {
      task.setVariableLocal("aiLabel", task.getVariable(label));
    }
  }

  /** The editable fields the reviewer changed, with their new values; refuses other changes. */
  public Map<String, Object> changes(DelegateTask task) {
    ElementProperties review = ElementProperties.of(task);
    List<String> editable = review.list("baton.review.editable");
    Map<String, Object> changes = new LinkedHashMap<>();
    // a completion or a form submission sets its variables on the task's execution; the task's
    // own copy is what the form showed
    Object fields = task.getExecution().getVariable("reviewFields");
    JsonNode submitted = fields == null ? null : readJson(String.valueOf(fields));
    task.getExecution().removeVariable("reviewFields");
    if (submitted == null || !submitted.isArray()) {
      return changes;
    }
    for (JsonNode field : submitted) {
      String name = field.path("name").asText();
      Object now = task.getVariable(name);
      Object value = json.convertValue(field.get("value"), Object.class);
      if (Objects.equals(String.valueOf(now), String.valueOf(value))) {
        continue;
      }
      if (!editable.contains(name)) {
        throw new InvalidReviewException("'%s' cannot be changed in this review".formatted(name));
      }
      changes.put(name, value);
    }
    return changes;
  }

  private SpinJsonNode jsonValue(Object value) {
    try {
      return Spin.JSON(json.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode readJson(String text) {
    try {
      return json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidReviewException("'reviewFields' is not valid JSON");
    }
  }
}
