package io.baton.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.baton.connectors.ActionDigest;
import io.baton.connectors.ProcessVariables;
import io.baton.payloads.PayloadRef;
import io.baton.payloads.Payloads;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.client.variable.value.JsonValue;

/**
 * Binds task variables to a connector's input record and maps its output record to variables: JSON
 * only, never Java-serialized. A variable that refers to a stored payload binds as its content; an
 * output variable over the inline limit is stored and replaced by its reference ({@link Payloads}).
 */
class VariableBinding {

  private final ObjectMapper json =
      JsonMapper.builder()
          // the modules named, not all on the classpath: a test classpath has Kafka's Scala module,
          // which would turn untyped maps and lists into Scala collections
          .addModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private final Validator validator;
  private final Payloads payloads;

  VariableBinding(Validator validator) {
    this(validator, null);
  }

  /**
   * @param payloads where large values go and references resolve; null leaves every value inline
   *     and refuses references
   */
  VariableBinding(Validator validator, Payloads payloads) {
    this.validator = validator;
    this.payloads = payloads;
  }

  /**
   * The variable names an input record reads: its component names; empty when a component takes all
   * variables ({@link ProcessVariables}), which the client reads as "fetch all".
   */
  static List<String> variableNames(Class<?> inputType) {
    if (!inputType.isRecord()) {
      throw new IllegalArgumentException(inputType + " must be a record");
    }
    if (allVariablesComponent(inputType).isPresent()) {
      return List.of();
    }
    return Arrays.stream(inputType.getRecordComponents()).map(c -> c.getName()).toList();
  }

  private static Optional<String> allVariablesComponent(Class<?> inputType) {
    return Arrays.stream(inputType.getRecordComponents())
        .filter(c -> c.isAnnotationPresent(ProcessVariables.class))
        .map(c -> c.getName())
        .findFirst();
  }

  /**
   * A task's variables as a connector reads them: a JSON variable (such as one an input mapping
   * builds with {@code S(...)}) as the JSON it holds, not as its text, the same way the engine
   * reads it when it computes the approval digest of a tool's arguments.
   */
  Map<String, Object> variables(ExternalTask task) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : task.getAllVariables().keySet()) {
      Object typed = task.getVariableTyped(name);
      variables.put(
          name,
          typed instanceof JsonValue json && json.getValue() != null
              ? resolved(name, ActionDigest.readJson(json.getValue()))
              : task.getVariable(name));
    }
    return variables;
  }

  /** A JSON variable, or the content whole when it refers to a stored payload. */
  JsonNode resolved(String name, JsonNode value) {
    Optional<PayloadRef> reference = Payloads.reference(value);
    if (reference.isEmpty()) {
      return value;
    }
    if (payloads == null) {
      throw new InvalidInputException(
          "variable '%s' refers to stored payload %s, and this worker has no payload store"
              .formatted(name, reference.get().id()));
    }
    return payloads.resolve(reference.get());
  }

  /**
   * The variables with each one over the inline limit stored for the case and replaced by its
   * reference.
   *
   * @throws io.baton.payloads.PayloadTooLargeException when one is over the hard maximum; then
   *     nothing is stored
   */
  Map<String, Object> storeLarge(Map<String, Object> variables, String processInstanceId) {
    if (payloads == null || variables == null) {
      return variables;
    }
    Map<String, Payloads.Content> contents = new LinkedHashMap<>();
    variables.forEach(
        (name, value) -> {
          if (value instanceof String text) {
            contents.put(name, Payloads.Content.text(text));
          } else if (value instanceof JsonValue json && json.getValue() != null) {
            contents.put(name, Payloads.Content.json(json.getValue()));
          }
        });
    Map<String, PayloadRef> references = payloads.store(processInstanceId, contents);
    if (references.isEmpty()) {
      return variables;
    }
    Map<String, Object> stored = new LinkedHashMap<>(variables);
    references.forEach((name, reference) -> stored.put(name, typed(reference.toMap())));
    return stored;
  }

  <I> I bind(Map<String, Object> variables, Class<I> inputType) {
    I input;
    variables = ActionDigest.jsonAsText(variables, inputType);
    Optional<String> all = allVariablesComponent(inputType);
    if (all.isPresent()) {
      Map<String, Object> withAll = new LinkedHashMap<>(variables);
      withAll.put(all.get(), new LinkedHashMap<>(variables));
      variables = withAll;
    }
    try {
      input = json.convertValue(variables, inputType);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "input does not fit " + inputType.getSimpleName() + ": " + e.getMessage());
    }
    var violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          "invalid input: "
              + violations.stream()
                  .map(VariableBinding::describe)
                  .sorted()
                  .collect(Collectors.joining("; ")));
    }
    return input;
  }

  /**
   * The output record's components as variables: text, numbers and booleans as they are, objects
   * and lists as JSON. Refuses (an incident) an output that is not JSON, rather than let the client
   * serialize it some other way.
   */
  Map<String, Object> toVariables(Object output) {
    Map<String, Object> values;
    try {
      values = json.convertValue(output, Map.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the output %s cannot be written as JSON variables: %s"
              .formatted(output == null ? null : output.getClass().getSimpleName(), e.getMessage()),
          e);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, typed(name, value)));
    return variables;
  }

  private Object typed(String name, Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number
        || value instanceof Map<?, ?>
        || value instanceof Collection<?>) {
      return typed(value);
    }
    throw new IllegalArgumentException(
        "output variable '%s' is a %s, which is not JSON: Baton writes connector outputs as JSON"
                .formatted(name, value.getClass().getName())
            + " only, never Java-serialized; make it a string, number, boolean, list or record");
  }

  String toJson(Object output) {
    try {
      return json.writeValueAsString(output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write output as JSON", e);
    }
  }

  Map<String, Object> variablesFromJson(String recorded) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> values = json.readValue(recorded, Map.class);
      return toVariables(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the recorded effect is not valid JSON", e);
    }
  }

  private Object typed(Object value) {
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      try {
        return ClientValues.jsonValue(json.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write output as JSON", e);
      }
    }
    return value;
  }

  private static String describe(ConstraintViolation<?> violation) {
    return "'" + violation.getPropertyPath() + "' " + violation.getMessage();
  }
}
