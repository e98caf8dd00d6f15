package io.baton.workers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.baton.connectors.ActionDigest;
import io.baton.connectors.ProcessVariables;
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

/** Binds task variables to a connector's input record and maps its output record to variables. */
class VariableBinding {

  private final ObjectMapper json =
      JsonMapper.builder()
          // the modules named, not all on the classpath: a test classpath has Kafka's Scala module,
          // which would turn untyped maps and lists into Scala collections
          .addModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private final Validator validator;

  VariableBinding(Validator validator) {
    this.validator = validator;
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
              ? ActionDigest.readJson(json.getValue())
              : task.getVariable(name));
    }
    return variables;
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

  Map<String, Object> toVariables(Object output) {
    Map<String, Object> values = json.convertValue(output, Map.class);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, typed(value)));
    return variables;
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
