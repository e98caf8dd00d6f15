package io.baton.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.governance.ActionArguments;
import io.baton.governance.CaseApprovals;
import io.baton.governance.ElementProperties;
import io.baton.memory.payloads.PayloadViews;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Create listener of a review task that uses the generic {@code baton-review} form. It reads the
 * task's {@link ReviewProperties} and sets, task-local, what the form shows: {@code reviewFields}
 * (name, label, the AI's value, editable, per field) with the values in slots {@code
 * reviewAiValue<i>} and {@code reviewValue<i>} (the reviewer's, which the form submits), {@code
 * labelOptions} (the label set's labels), {@code aiLabel}, and {@code reviewContext} with {@code
 * reviewContext<i>} (what the AI read); and {@code aiValues}, the AI's values and their types as
 * they were, to compare the reviewer's against. The completion listener asks {@link #changes} what
 * the reviewer changed and {@link #correctedLabel} for a corrected label.
 *
 * <p>The form has numbered slots, not a dynamic list: the Tasklist of Camunda 7.24 (form-js 1.8)
 * keeps an entry in the form's errors for every field inside a dynamic list, valid or not, and
 * disables Complete while any entry exists.
 */
@Component("reviewForm")
public class ReviewForm implements TaskListener {

  /** As many fields and context variables as {@code forms/baton-review.form} has slots for. */
  static final int MAX_FIELDS = 8;

  static final int MAX_CONTEXT = 4;
  static final String REVIEW_FIELDS = "reviewFields";
  static final String REVIEW_VALUE = "reviewValue";
  static final String REVIEW_AI_VALUE = "reviewAiValue";
  static final String AI_VALUES = "aiValues";
  static final String LABEL_OPTIONS = "labelOptions";
  static final String ACTION_SUMMARY = "actionSummary";
  static final String AI_LABEL = "aiLabel";
  static final String REVIEW_CONTEXT = "reviewContext";
  static final String CORRECTED_LABEL = "correctedLabel";

  private final LabelSetCatalog labelSets;
  private final ActionArguments actions;
  private final CaseApprovals approvals;
  private final PayloadViews payloads;
  private final ObjectMapper json = new ObjectMapper();

  public ReviewForm(
      LabelSetCatalog labelSets,
      ActionArguments actions,
      CaseApprovals approvals,
      PayloadViews payloads) {
    this.labelSets = labelSets;
    this.actions = actions;
    this.approvals = approvals;
    this.payloads = payloads;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewProperties review = ReviewProperties.of(task);
    List<Map<String, Object>> fields = new ArrayList<>();
    Map<String, AiValue> aiValues = new LinkedHashMap<>();
    for (int i = 0; i < review.fields().size(); i++) {
      String name = review.fields().get(i);
      Object value = payloads.resolved(task, name);
      String text = FieldValues.text(value);
      fields.add(
          Map.of(
              "name", name,
              "label", readable(name),
              "aiValue", text,
              "value", text,
              "editable", review.editable().contains(name)));
      aiValues.put(name, new AiValue(FieldValues.type(value), text));
      task.setVariableLocal(REVIEW_AI_VALUE + (i + 1), PayloadViews.display(text));
      task.setVariableLocal(REVIEW_VALUE + (i + 1), PayloadViews.display(text));
    }
    task.setVariableLocal(REVIEW_FIELDS, jsonValue(fields));
    actionApproved(task).ifPresent(action -> task.setVariableLocal(ACTION_SUMMARY, action));
    task.setVariableLocal(AI_VALUES, jsonValue(aiValues));
    if (review.label() != null && task.getVariable(review.label()) != null) {
      task.setVariableLocal(AI_LABEL, FieldValues.text(task.getVariable(review.label())));
    }
    if (review.labelSet() != null) {
      task.setVariableLocal(LABEL_OPTIONS, jsonValue(options(labelSets.get(review.labelSet()))));
    }
    List<Map<String, String>> context = new ArrayList<>();
    for (String name : review.context()) {
      Object value = payloads.resolved(task, name);
      if (value != null) {
        context.add(Map.of("name", name, "label", readable(name)));
        // a stored payload's whole text, as JSON when it is longer than a String variable holds
        task.setVariableLocal(
            REVIEW_CONTEXT + context.size(), PayloadViews.display(FieldValues.text(value)));
      }
    }
    if (!context.isEmpty()) {
      task.setVariableLocal(REVIEW_CONTEXT, jsonValue(context));
    }
  }

  /**
   * The fields the reviewer changed, in the form or by setting the variable itself: name to new
   * value, in the type the AI's value had. Refuses a change to a field that is not editable and a
   * value that does not fit its type, naming the field.
   */
  public Map<String, Object> changes(DelegateTask task) {
    ReviewProperties review = ReviewProperties.of(task);
    Map<String, AiValue> aiValues = aiValues(task, review);
    List<Object> submitted = submitted(task, review);
    Map<String, Object> changes = new LinkedHashMap<>();
    for (int i = 0; i < review.fields().size(); i++) {
      String name = review.fields().get(i);
      AiValue ai = aiValues.get(name);
      Object proposed = submitted.get(i);
      if (FieldValues.same(ai.type(), ai.text(), proposed)) {
        proposed = payloads.resolved(task, name);
        if (FieldValues.same(ai.type(), ai.text(), proposed)) {
          continue;
        }
      }
      if (!review.editable().contains(name)) {
        throw new InvalidReviewException(
            "'%s' cannot be changed in this review; the AI's value '%s' stands"
                .formatted(name, ai.text()));
      }
      changes.put(name, FieldValues.coerce(name, ai.type(), proposed));
    }
    return Collections.unmodifiableMap(changes);
  }

  /** The label the reviewer chose instead of the AI's: one of the review's label set. */
  public String correctedLabel(DelegateTask task) {
    ReviewProperties review = ReviewProperties.of(task);
    if (review.labelSet() == null) {
      throw new InvalidReviewException(
          "this review has no label set (%s), so its label cannot be changed"
              .formatted(ReviewProperties.LABEL_SET));
    }
    List<String> names = labelSets.get(review.labelSet()).names();
    Object label = task.getVariable(CORRECTED_LABEL);
    if (!(label instanceof String chosen) || !names.contains(chosen)) {
      throw new InvalidReviewException(
          "'%s' must be one of %s, not %s".formatted(CORRECTED_LABEL, names, label));
    }
    return chosen;
  }

  /** The values the reviewer submitted in the form, in the order of the fields. */
  private static List<Object> submitted(DelegateTask task, ReviewProperties review) {
    List<Object> values = new ArrayList<>();
    for (int i = 1; i <= review.fields().size(); i++) {
      values.add(PayloadViews.plain(task.getVariableLocal(REVIEW_VALUE + i)));
    }
    return values;
  }

  private Map<String, AiValue> aiValues(DelegateTask task, ReviewProperties review) {
    Object recorded = task.getVariableLocal(AI_VALUES);
    if (recorded == null) {
      throw new IllegalStateException(
          "review task '%s' has no '%s': make ${reviewForm} its create listener"
              .formatted(task.getTaskDefinitionKey(), AI_VALUES));
    }
    Map<String, AiValue> values =
        json.convertValue(
            read(AI_VALUES, recorded),
            json.getTypeFactory().constructMapType(Map.class, String.class, AiValue.class));
    for (String name : review.fields()) {
      if (!values.containsKey(name)) {
        throw new IllegalStateException(
            "review task '%s' recorded no AI value for '%s'"
                .formatted(task.getTaskDefinitionKey(), name));
      }
    }
    return values;
  }

  private static List<Map<String, String>> options(LabelSet set) {
    return set.labels().stream()
        .map(
            l ->
                Map.of(
                    "label",
                    l.description() == null ? l.name() : l.name() + " — " + l.description(),
                    "value",
                    l.name()))
        .toList();
  }

  /** {@code invoiceNumber} reads "Invoice number". */
  /**
   * What runs if the reviewer approves: the tool task the review's approval covers ({@code
   * baton.review.action}; a second approval shows what the first approved), with its exact
   * arguments as they would be now.
   */
  private java.util.Optional<String> actionApproved(DelegateTask task) {
    ElementProperties review = ElementProperties.of(task);
    String action = review.get("baton.review.action");
    if (action == null && "SECOND".equals(review.get("baton.review.stage"))) {
      action =
          approvals
              .approval(task.getProcessInstanceId(), CaseApprovals.Stage.FIRST)
              .map(CaseApprovals.Approval::actionId)
              .orElse(null);
    }
    return action == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(actions.of(task.getExecution(), action).summary());
  }

  static String readable(String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private Object jsonValue(Object value) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the review form's variables as JSON", e);
    }
  }

  /** A Json variable (Spin's node) or JSON text, read with Jackson. */
  private JsonNode read(String name, Object variable) {
    try {
      return json.readTree(String.valueOf(variable));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("'%s' is not valid JSON".formatted(name), e);
    }
  }

  /** The AI's value of a field as the form showed it, and its Java type (null when none). */
  record AiValue(String type, String text) {}
}
