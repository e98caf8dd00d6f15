package io.baton.connectors.templates;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.ProcessVariables;
import io.baton.connectors.SetByEngine;
import io.baton.connectors.classify.ClassifyFunction;
import io.baton.connectors.delivery.ReplyDeliveryFunction;
import io.baton.connectors.email.EmailFunction;
import io.baton.connectors.ensemble.EnsembleFunction;
import io.baton.connectors.extract.ExtractFunction;
import io.baton.connectors.guard.GuardFunction;
import io.baton.connectors.http.HttpFunction;
import io.baton.connectors.kafka.KafkaPublishFunction;
import io.baton.connectors.mcp.McpCallFunction;
import io.baton.connectors.memory.RecallFunction;
import io.baton.connectors.memory.RememberFunction;
import io.baton.connectors.notify.NotifyFunction;
import io.baton.connectors.prompt.PromptFunction;
import io.baton.connectors.reply.DraftReplyFunction;
import io.baton.connectors.retrieve.RetrieveFunction;
import io.baton.connectors.sql.SqlFunction;
import io.baton.connectors.validate.ValidateFunction;
import io.baton.models.BudgetExceededException;
import io.baton.models.ModelRegistry;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.GenericTypeResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.objenesis.ObjenesisStd;

/**
 * The committed element templates still fit the connectors' code: the topic is the connector's
 * {@code topic()}, the input parameters are the components of its input record, their constraints
 * follow the record's Jakarta annotations, output parameters read components of its output record,
 * and the BPMN errors it raises are declared. A new connector adds {@code
 * connectors/element-templates/<connector>.json} and one entry to {@link #CONNECTORS}.
 */
class ElementTemplateGoldenTest {

  /** Template id to the connector the template configures. */
  private static final Map<String, Class<? extends ConnectorFunction<?, ?>>> CONNECTORS =
      Map.ofEntries(
          entry("io.baton.classify", ClassifyFunction.class),
          entry("io.baton.draft-reply", DraftReplyFunction.class),
          entry("io.baton.email", EmailFunction.class),
          entry("io.baton.ensemble", EnsembleFunction.class),
          entry("io.baton.extract", ExtractFunction.class),
          entry("io.baton.guard", GuardFunction.class),
          entry("io.baton.agent", io.baton.connectors.agent.AgentFunction.class),
          entry("io.baton.http", HttpFunction.class),
          entry("io.baton.kafka-publish", KafkaPublishFunction.class),
          entry("io.baton.mcp-call", McpCallFunction.class),
          entry("io.baton.notify", NotifyFunction.class),
          entry("io.baton.prompt", PromptFunction.class),
          entry("io.baton.recall", RecallFunction.class),
          entry("io.baton.remember", RememberFunction.class),
          entry("io.baton.retrieve", RetrieveFunction.class),
          entry("io.baton.send-reply", ReplyDeliveryFunction.class),
          entry("io.baton.sql", SqlFunction.class),
          entry("io.baton.validate", ValidateFunction.class));

  /** Where the connectors' code lives; test doubles elsewhere need no template. */
  private static final Path CONNECTOR_SOURCES = Path.of("connectors", "src", "main", "java");

  private static final String README = ElementTemplates.FOLDER.resolve("README.md").toString();

  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("^\\$\\{(\\w+)}$");

  private static final java.util.regex.Pattern EXPRESSION =
      java.util.regex.Pattern.compile("^\\$\\{.+}$");

  /** A BPMN error code, as connectors declare them: {@code LOW_CONFIDENCE}. */
  private static final java.util.regex.Pattern ERROR_CODE =
      java.util.regex.Pattern.compile("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$");

  /**
   * The expression of a declared error: Camunda throws the error itself when it is true on
   * completion or failure; the worker raises it instead, so it must never be true.
   */
  private static final String NEVER = "${false}";

  static List<Path> templates() {
    return ElementTemplates.files();
  }

  @Test
  void every_template_has_a_connector_and_every_connector_a_template() {
    Set<String> templateIds = new TreeSet<>();
    templates().forEach(file -> templateIds.add(templateId(file)));

    assertThat(difference(templateIds, CONNECTORS.keySet()))
        .as(
            "templates in %s with no connector: add entry(\"<template id>\", <Connector>.class)"
                + " to ElementTemplateGoldenTest.CONNECTORS",
            ElementTemplates.FOLDER)
        .isEmpty();
    assertThat(difference(CONNECTORS.keySet(), templateIds))
        .as(
            "connectors in ElementTemplateGoldenTest.CONNECTORS with no template in %s",
            ElementTemplates.FOLDER)
        .isEmpty();
  }

  @Test
  void every_connector_in_the_code_has_a_template() {
    Set<String> inCode = connectorClasses();
    Set<String> withTemplate =
        CONNECTORS.values().stream()
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(inCode)
        .as("connectors found in %s (is the scan still looking there?)", CONNECTOR_SOURCES)
        .containsAll(withTemplate);
    assertThat(difference(inCode, withTemplate))
        .as(
            "connectors with no element template: write %s/<connector>.json and add it to"
                + " ElementTemplateGoldenTest.CONNECTORS, as %s says under 'Adding a connector's"
                + " template'",
            ElementTemplates.FOLDER, README)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void template_runs_its_connector_as_an_external_task(Path file) {
    JsonNode template = ElementTemplates.read(file);
    Connector connector = connector(file);

    assertThat(template.path("id").asText()).as("%s: id", file).isEqualTo(templateId(file));
    assertThat(template.path("version").isInt()).as("%s: has an integer version", file).isTrue();
    assertThat(hiddenProperty(file, template, "camunda:type")).isEqualTo("external");
    assertThat(hiddenProperty(file, template, "camunda:topic"))
        .as("%s: camunda:topic, the topic() of %s", file, connector.type().getSimpleName())
        .isEqualTo(connector.topic())
        .isEqualTo("baton." + ElementTemplates.connector(file));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void input_parameters_are_the_components_of_the_input_record(Path file) {
    Connector connector = connector(file);
    List<String> parameters =
        ElementTemplates.properties(ElementTemplates.read(file), "camunda:inputParameter").stream()
            .map(p -> p.path("binding").path("name").asText())
            .toList();
    Set<String> components = inputComponentNames(connector.input());
    Set<String> allVariables = processVariablesComponentNames(connector.input());
    String record = connector.input().getSimpleName();

    List<String> drift = new ArrayList<>();
    difference(components, new TreeSet<>(parameters))
        .forEach(name -> drift.add("missing camunda:inputParameter '" + name + "' of " + record));
    difference(new TreeSet<>(parameters), components)
        .forEach(
            name ->
                drift.add(
                    allVariables.contains(name)
                        ? "camunda:inputParameter '%s': @ProcessVariables in %s, the runtime fills it with all process variables; remove it"
                            .formatted(name, record)
                        : "extra camunda:inputParameter '" + name + "': not in " + record));
    parameters.stream()
        .filter(name -> parameters.indexOf(name) != parameters.lastIndexOf(name))
        .distinct()
        .forEach(name -> drift.add("camunda:inputParameter '" + name + "' appears twice"));

    assertThat(drift).as("%s drifted from %s", file, connector.input().getName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void input_constraints_follow_the_validation_annotations(Path file) {
    Connector connector = connector(file);
    Set<String> components = inputComponentNames(connector.input());
    List<String> drift = new ArrayList<>();
    for (JsonNode property :
        ElementTemplates.properties(ElementTemplates.read(file), "camunda:inputParameter")) {
      String name = property.path("binding").path("name").asText();
      if (components.contains(name)) {
        drift.addAll(constraintDrift(name, component(connector.input(), name), property));
      }
    }
    assertThat(drift).as("%s drifted from %s", file, connector.input().getName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void output_parameters_read_components_of_the_output_record(Path file) {
    Connector connector = connector(file);
    Set<String> components = componentNames(connector.output());
    List<String> drift = new ArrayList<>();
    for (JsonNode property :
        ElementTemplates.properties(ElementTemplates.read(file), "camunda:outputParameter")) {
      String source = property.path("binding").path("source").asText();
      Matcher variable = VARIABLE.matcher(source);
      if (!variable.matches() || !components.contains(variable.group(1))) {
        drift.add(
            "camunda:outputParameter source '%s' is not ${<component>} of %s %s"
                .formatted(source, connector.output().getSimpleName(), components));
      }
    }
    assertThat(drift).as("%s drifted from %s", file, connector.output().getName()).isEmpty();
  }

  /**
   * Each BPMN error code the connector declares (a public static final String whose value is
   * UPPER_SNAKE_CASE, such as {@code ClassifyFunction.LOW_CONFIDENCE}) is in its template: a {@code
   * bpmn:Error} scope with that {@code errorCode}, referenced by a hidden {@code
   * camunda:errorEventDefinition} whose expression is {@value #NEVER}, and named in the
   * description. A connector that asks a model (it takes the {@link ModelRegistry}) also raises
   * BUDGET_EXCEEDED: the worker's failure contract raises it for every such connector. Applying the
   * template then puts the error into the diagram, ready for a boundary event.
   */
  @ParameterizedTest
  @MethodSource("templates")
  void bpmn_errors_the_connector_raises_are_declared(Path file) {
    Connector connector = connector(file);
    JsonNode template = ElementTemplates.read(file);
    Map<String, String> raised = bpmnErrorCodes(connector.type());
    Map<String, String> codeByScope = new TreeMap<>();
    for (JsonNode scope : ElementTemplates.scopes(template, "bpmn:Error")) {
      codeByScope.put(scope.path("id").asText(), scopeProperty(scope, "errorCode"));
    }
    List<JsonNode> definitions =
        ElementTemplates.properties(template, "camunda:errorEventDefinition");
    String description = template.path("description").asText();

    List<String> drift = new ArrayList<>();
    raised.forEach(
        (code, constant) -> {
          if (!codeByScope.containsValue(code)) {
            drift.add(
                "%s raises BPMN error %s: add a bpmn:Error scope with errorCode %s and a Hidden"
                        .formatted(constant, code, code)
                    + " camunda:errorEventDefinition property (errorRef: the scope's id, value "
                    + NEVER
                    + ")");
          }
          if (!description.contains(code)) {
            drift.add("the description does not name BPMN error " + code + " (" + constant + ")");
          }
        });
    difference(new TreeSet<>(codeByScope.values()), raised.keySet())
        .forEach(
            code ->
                drift.add(
                    "bpmn:Error scope with errorCode '%s': %s declares no such code"
                        .formatted(code, connector.type().getSimpleName())));
    List<String> refs =
        definitions.stream().map(p -> p.path("binding").path("errorRef").asText()).toList();
    codeByScope.keySet().stream()
        .filter(id -> !refs.contains(id))
        .forEach(id -> drift.add("no camunda:errorEventDefinition has errorRef '" + id + "'"));
    for (JsonNode definition : definitions) {
      String ref = definition.path("binding").path("errorRef").asText();
      if (!codeByScope.containsKey(ref)) {
        drift.add("camunda:errorEventDefinition errorRef '" + ref + "' names no bpmn:Error scope");
      }
      if (!"Hidden".equals(definition.path("type").asText())
          || !NEVER.equals(definition.path("value").asText())) {
        drift.add(
            "camunda:errorEventDefinition '%s' must be Hidden with value %s: the worker raises the error, Camunda must not"
                .formatted(ref, NEVER));
      }
    }
    assertThat(drift).as("%s drifted from %s", file, connector.type().getName()).isEmpty();
  }

  private static List<String> constraintDrift(String name, Field component, JsonNode property) {
    JsonNode constraints = property.path("constraints");
    String where = "'" + name + "' of " + component.getDeclaringClass().getSimpleName();
    List<String> drift = new ArrayList<>();

    boolean required =
        component.isAnnotationPresent(NotBlank.class)
            || component.isAnnotationPresent(NotNull.class)
            || component.isAnnotationPresent(NotEmpty.class);
    if (required != constraints.path("notEmpty").asBoolean(false)) {
      drift.add(
          required
              ? where + " is required (@NotBlank/@NotNull/@NotEmpty): add \"notEmpty\": true"
              : where + " is optional: remove \"notEmpty\"");
    }

    // @Size on a text limits its length; on a list, the number of elements, which no
    // constraint of a template can check
    Size size = component.getAnnotation(Size.class);
    boolean text = CharSequence.class.isAssignableFrom(component.getType());
    Integer max = !text || size == null || size.max() == Integer.MAX_VALUE ? null : size.max();
    Integer maxLength = constraints.has("maxLength") ? constraints.get("maxLength").asInt() : null;
    if (!Objects.equals(max, maxLength)) {
      drift.add(where + " has @Size(max = " + max + ") on a text but \"maxLength\": " + maxLength);
    }

    if (Collection.class.isAssignableFrom(component.getType())) {
      String value = property.path("value").asText("");
      if (!value.isEmpty() && !EXPRESSION.matcher(value).matches()) {
        drift.add(
            where
                + " is a list, and literal text is no list: its value must be an expression ${...}");
      }
    }

    drift.addAll(patternDrift(where, component, property, required));
    return drift;
  }

  /**
   * A {@code @Pattern} becomes a {@code pattern}, or a Dropdown whose values match it; numeric
   * bounds ({@code @Min}, {@code @DecimalMax}, ...) become a {@code pattern} that accepts the
   * bounds and refuses what lies beyond. Every pattern accepts {@code ${...}}, and the empty field
   * of an optional component.
   */
  private static List<String> patternDrift(
      String where, Field component, JsonNode property, boolean required) {
    List<String> drift = new ArrayList<>();
    JsonNode constraint = property.path("constraints").path("pattern");
    String regex =
        constraint.isMissingNode()
            ? null
            : constraint.isTextual() ? constraint.asText() : constraint.path("value").asText();
    Pattern pattern = component.getAnnotation(Pattern.class);
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    numericBounds(component, accepted, refused);

    if (pattern != null && "Dropdown".equals(property.path("type").asText())) {
      for (JsonNode choice : property.path("choices")) {
        String value = choice.path("value").asText();
        if (!java.util.regex.Pattern.matches(pattern.regexp(), value)) {
          drift.add(where + ": choice '" + value + "' does not match @Pattern " + pattern.regexp());
        }
      }
      return drift;
    }
    boolean wanted = pattern != null || !accepted.isEmpty();
    if (wanted != (regex != null)) {
      drift.add(
          pattern != null
              ? where
                  + " has @Pattern: add a \"pattern\" that also accepts ${...}, or make it a"
                  + " Dropdown of matching values"
              : wanted
                  ? where
                      + " has numeric bounds: add a \"pattern\" that accepts "
                      + accepted
                      + " and ${...} and refuses "
                      + refused
                  : where + " has no @Pattern or numeric bound: remove \"pattern\"");
      return drift;
    }
    if (regex == null) {
      return drift;
    }
    java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regex);
    accepted.add("${someVariable}");
    if (!required) {
      accepted.add("");
    }
    accepted.stream()
        .filter(value -> !compiled.matcher(value).matches())
        .forEach(value -> drift.add(where + ": \"pattern\" refuses '" + value + "'"));
    refused.stream()
        .filter(value -> compiled.matcher(value).matches())
        .forEach(value -> drift.add(where + ": \"pattern\" accepts '" + value + "'"));
    return drift;
  }

  /** Values a component's numeric bounds accept (the bounds) and refuse (one beyond each). */
  private static void numericBounds(Field component, List<String> accepted, List<String> refused) {
    List<BigDecimal> minimums = new ArrayList<>();
    List<BigDecimal> maximums = new ArrayList<>();
    Min min = component.getAnnotation(Min.class);
    Max max = component.getAnnotation(Max.class);
    DecimalMin decimalMin = component.getAnnotation(DecimalMin.class);
    DecimalMax decimalMax = component.getAnnotation(DecimalMax.class);
    if (min != null) {
      minimums.add(BigDecimal.valueOf(min.value()));
    }
    if (decimalMin != null) {
      minimums.add(new BigDecimal(decimalMin.value()));
    }
    if (max != null) {
      maximums.add(BigDecimal.valueOf(max.value()));
    }
    if (decimalMax != null) {
      maximums.add(new BigDecimal(decimalMax.value()));
    }
    minimums.forEach(
        bound -> {
          accepted.add(bound.toPlainString());
          refused.add(bound.subtract(BigDecimal.ONE).toPlainString());
        });
    maximums.forEach(
        bound -> {
          accepted.add(bound.toPlainString());
          refused.add(bound.add(BigDecimal.ONE).toPlainString());
        });
  }

  /** The connector's BPMN error codes: constant name by code. */
  private static Map<String, String> bpmnErrorCodes(Class<?> connector) {
    Map<String, String> codes = new TreeMap<>();
    if (Arrays.stream(connector.getConstructors())
        .flatMap(constructor -> Arrays.stream(constructor.getParameterTypes()))
        .anyMatch(ModelRegistry.class::equals)) {
      codes.put(BudgetExceededException.CODE, "the failure contract (BudgetExceededException)");
    }
    for (Field field : connector.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          String value = (String) field.get(null);
          if (value != null && ERROR_CODE.matcher(value).matches()) {
            codes.put(value, connector.getSimpleName() + "." + field.getName());
          }
        } catch (IllegalAccessException e) {
          throw new AssertionError("cannot read " + field, e);
        }
      }
    }
    return codes;
  }

  private static String scopeProperty(JsonNode scope, String name) {
    for (JsonNode property : scope.path("properties")) {
      if ("property".equals(property.path("binding").path("type").asText())
          && name.equals(property.path("binding").path("name").asText())) {
        return property.path("value").asText();
      }
    }
    return null;
  }

  private static String hiddenProperty(Path file, JsonNode template, String name) {
    List<JsonNode> matches =
        ElementTemplates.properties(template, "property").stream()
            .filter(p -> name.equals(p.path("binding").path("name").asText()))
            .toList();
    assertThat(matches).as("%s: one property bound to %s", file, name).hasSize(1);
    assertThat(matches.get(0).path("type").asText())
        .as("%s: type of %s", file, name)
        .isEqualTo("Hidden");
    return matches.get(0).path("value").asText();
  }

  private static String templateId(Path file) {
    return "io.baton." + ElementTemplates.connector(file);
  }

  /** The connector classes under {@link #CONNECTOR_SOURCES}. */
  private static Set<String> connectorClasses() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(ConnectorFunction.class));
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.baton.connectors")) {
      String name = candidate.getBeanClassName();
      if (Files.exists(CONNECTOR_SOURCES.resolve(name.replace('.', '/') + ".java"))) {
        names.add(name);
      }
    }
    return names;
  }

  private static Connector connector(Path file) {
    Class<? extends ConnectorFunction<?, ?>> type = CONNECTORS.get(templateId(file));
    assertThat(type)
        .as(
            "%s: no connector for %s: add entry(\"%s\", <Connector>.class) to"
                + " ElementTemplateGoldenTest.CONNECTORS",
            file, templateId(file), templateId(file))
        .isNotNull();
    Class<?>[] io = GenericTypeResolver.resolveTypeArguments(type, ConnectorFunction.class);
    assertThat(io)
        .as("input and output types of %s", type.getName())
        .isNotNull()
        .doesNotContainNull();
    return new Connector(type, topic(type), io[0], io[1]);
  }

  /**
   * Connectors are Spring beans with collaborators; {@code topic()} returns a constant, so an
   * instance made without running the constructor is enough to read it.
   */
  private static String topic(Class<? extends ConnectorFunction<?, ?>> type) {
    return new ObjenesisStd().newInstance(type).topic();
  }

  private static Set<String> componentNames(Class<?> record) {
    assertThat(record.isRecord()).as("%s is a record", record.getName()).isTrue();
    Set<String> names = new TreeSet<>();
    Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
    return names;
  }

  /**
   * The components a template fills with input parameters: all but the one annotated {@link
   * ProcessVariables}, which the runtime fills with all process variables, and those annotated
   * {@link SetByEngine}, which the engine sets when the task starts.
   */
  private static Set<String> inputComponentNames(Class<?> record) {
    Set<String> setByEngine =
        Arrays.stream(record.getRecordComponents())
            .filter(c -> c.isAnnotationPresent(SetByEngine.class))
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    return difference(
        difference(componentNames(record), processVariablesComponentNames(record)), setByEngine);
  }

  private static Set<String> processVariablesComponentNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> c.isAnnotationPresent(ProcessVariables.class))
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Jakarta constraints on a record component land on its field, among other places. */
  private static Field component(Class<?> record, String name) {
    try {
      return record.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new AssertionError(record.getName() + " has no component " + name, e);
    }
  }

  private static Set<String> difference(Set<String> from, Set<String> remove) {
    Set<String> rest = new TreeSet<>(from);
    rest.removeAll(remove);
    return rest;
  }

  private record Connector(
      Class<? extends ConnectorFunction<?, ?>> type,
      String topic,
      Class<?> input,
      Class<?> output) {}
}
