package io.baton.memory.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.payloads.PayloadProperties;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.Payloads;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * End listener of a process's start event: a variable the case was started with that is over the
 * inline limit (a document, say) is stored and the case holds its reference instead, in the same
 * transaction, before anything is written. One over the hard maximum refuses the start.
 */
class LargeStartVariables implements ExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcPayloadStore store;
  private final PayloadProperties properties;

  LargeStartVariables(JdbcPayloadStore store, PayloadProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    Map<String, Payloads.Content> contents = new LinkedHashMap<>();
    for (String name : instance.getVariableNamesLocal()) {
      TypedValue value = instance.getVariableLocalTyped(name, false);
      if (value instanceof StringValue text && text.getValue() != null) {
        contents.put(name, Payloads.Content.text(text.getValue()));
      } else if (value instanceof SerializableValue json
          && "application/json".equals(json.getSerializationDataFormat())
          && json.getValueSerialized() != null) {
        contents.put(name, Payloads.Content.json(json.getValueSerialized()));
      }
    }
    JdbcPayloadStore.Subject subject = store.subject(instance.getVariables());
    Payloads payloads = new Payloads(store.forSubject(subject), properties);
    payloads
        .store(instance.getId(), contents)
        .forEach(
            (name, reference) ->
                instance.setVariableLocal(name, SpinValues.jsonValue(json(reference)).create()));
  }

  private static String json(PayloadRef reference) {
    try {
      return JSON.writeValueAsString(reference.toMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a payload reference", e);
    }
  }
}
