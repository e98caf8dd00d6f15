package io.baton.connectors.templates;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.classify.ClassifyFunction;
import io.baton.connectors.notify.NotifyFunction;
import io.baton.connectors.reply.DraftReplyFunction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.GenericTypeResolver;
import org.springframework.objenesis.ObjenesisStd;

/**
 * The committed element templates still fit the connectors' code: the topic is the connector's
 * {@code topic()}, the input parameters are the components of its input record, their constraints
 * follow the record's Jakarta annotations, and output parameters read components of its output
 * record. A new connector adds {@code connectors/element-templates/<connector>.json} and one entry
 * to {@link #CONNECTORS}.
 */
class ElementTemplateGoldenTest {

  /** Template id to the connector the template configures. */
  private static final Map<String, Class<? extends ConnectorFunction<?, ?>>> CONNECTORS =
      Map.ofEntries(
          entry("io.baton.classify", ClassifyFunction.class),
          entry("io.baton.draft-reply", DraftReplyFunction.class),
          entry("io.baton.notify", NotifyFunction.class));

  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("^\\$\\{(\\w+)}$");

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
    Set<String> components = componentNames(connector.input());
    String record = connector.input().getSimpleName();

    List<String> drift = new ArrayList<>();
    difference(components, new TreeSet<>(parameters))
        .forEach(name -> drift.add("missing camunda:inputParameter '" + name + "' of " + record));
    difference(new TreeSet<>(parameters), components)
        .forEach(
            name -> drift.add("extra camunda:inputParameter '" + name + "': not in " + record));
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
    Set<String> components = componentNames(connector.input());
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

    Size size = component.getAnnotation(Size.class);
    Integer max = size == null || size.max() == Integer.MAX_VALUE ? null : size.max();
    Integer maxLength = constraints.has("maxLength") ? constraints.get("maxLength").asInt() : null;
    if (!Objects.equals(max, maxLength)) {
      drift.add(where + " has @Size(max = " + max + ") but \"maxLength\": " + maxLength);
    }

    boolean pattern = component.isAnnotationPresent(Pattern.class);
    if (pattern != constraints.has("pattern")) {
      drift.add(
          pattern
              ? where + " has @Pattern: add a \"pattern\" constraint that also accepts ${...}"
              : where + " has no @Pattern: remove \"pattern\"");
    }
    return drift;
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
