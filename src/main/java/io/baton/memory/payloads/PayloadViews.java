package io.baton.memory.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.Payloads;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Create listener of every user task: each variable the task sees that holds a {@link PayloadRef}
 * gets a task-local variable of the same name with the content whole, as JSON (a text as a JSON
 * string, which Tasklist's forms show as the text). Tasklist reads the task's variables, so a form
 * field shows the content, not the reference; the process keeps the reference, and {@link
 * LargeVariablesOutOfHistory} keeps these views out of the history.
 */
public class PayloadViews implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Payloads payloads;

  public PayloadViews(Payloads payloads) {
    this.payloads = payloads;
  }

  @Override
  public void notify(DelegateTask task) {
    for (String name : task.getVariableNames()) {
      reference(task, name)
          .ifPresent(
              reference ->
                  task.setVariableLocal(name, SpinValues.jsonValue(json(reference)).create()));
    }
  }

  /**
   * A variable's value as a person reads it: a reference's content whole (a text as text, JSON as
   * its JSON text), else the value itself. A text set on the task itself counts over its case's.
   */
  public Object resolved(DelegateTask task, String name) {
    VariableScope execution = task.getExecution() == null ? task : task.getExecution();
    Optional<PayloadRef> reference = reference(execution, name);
    if (reference.isPresent() && !(task.getVariableLocal(name) instanceof String)) {
      return payloads.text(reference.get());
    }
    return task.getVariable(name);
  }

  /** A text for a task-local variable: a String when it fits the engine's column, else JSON. */
  public static Object display(String text) {
    if (text == null || text.length() <= Payloads.MAX_STRING) {
      return text;
    }
    return SpinValues.jsonValue(asJsonString(text)).create();
  }

  /**
   * A variable's value as the case holds it: the reference, where the task's own variable of that
   * name is this listener's unchanged view of it; else the value the task sees (a reviewer's change
   * included).
   */
  public static Object caseValue(DelegateTask task, String name) {
    VariableScope execution = task.getExecution();
    TypedValue local = task.getVariableLocalTyped(name, false);
    if (execution != null && local instanceof SerializableValue view) {
      Optional<PayloadRef> reference = reference(execution, name);
      if (reference.isPresent()
          && reference
              .get()
              .sha256()
              .equals(DigestUtils.sha256Hex(content(view, reference.get())))) {
        return execution.getVariable(name);
      }
    }
    return task.getVariable(name);
  }

  private static String content(SerializableValue view, PayloadRef reference) {
    String serialized = view.getValueSerialized();
    if (serialized == null || !PayloadRef.TEXT.equals(reference.kind())) {
      return String.valueOf(serialized);
    }
    try {
      return JSON.readTree(serialized).asText();
    } catch (JsonProcessingException notJson) {
      return serialized;
    }
  }

  /** A value {@link #display} wrote back as the text it holds; anything else as it is. */
  public static Object plain(Object value) {
    return value instanceof SpinJsonNode node && node.isString() ? node.stringValue() : value;
  }

  private static Optional<PayloadRef> reference(VariableScope scope, String name) {
    TypedValue typed = scope.getVariableTyped(name, false);
    if (typed instanceof SerializableValue serialized
        && "application/json".equals(serialized.getSerializationDataFormat())) {
      return Payloads.reference(serialized.getValueSerialized());
    }
    return Optional.empty();
  }

  private String json(PayloadRef reference) {
    String content = payloads.text(reference);
    return PayloadRef.TEXT.equals(reference.kind()) ? asJsonString(content) : content;
  }

  private static String asJsonString(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a text as JSON", e);
    }
  }
}
