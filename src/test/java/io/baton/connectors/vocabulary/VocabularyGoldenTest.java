package io.baton.connectors.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Every file that holds a route, a verdict or a risk uses only the words of {@link Route}, {@link
 * Verdict}, {@link GuardVerdict} and {@link Risk}: the decision tables in {@code processes/} (the
 * entries of each column that reads or writes one of {@link #VOCABULARY}'s variables, and the
 * values it lists), the diagrams' expressions that compare such a variable with a word, the element
 * templates' fixed values and dropdown choices for such a variable, the forms' static options for
 * such a field, and the risks of the label sets.
 */
class VocabularyGoldenTest {

  /** The variables whose values are vocabulary words, and the vocabulary of each. */
  static final Map<String, Class<? extends Enum<?>>> VOCABULARY =
      Map.of(
          "route", Route.class,
          "validationVerdict", Verdict.class,
          "guardVerdict", GuardVerdict.class,
          "risk", Risk.class,
          "guardRisk", Risk.class);

  private static final Path PROCESSES = Path.of("processes");
  private static final Path TEMPLATES = Path.of("connectors", "element-templates");
  private static final Path FORMS = Path.of("forms");
  private static final Path LABEL_SETS = PROCESSES.resolve("label-sets");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A word in quotes, as decision tables and expressions write it. */
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  /** What else a table cell of words may hold: {@code not(...)}, {@code null}, commas, "-". */
  private static final Pattern SYNTAX = Pattern.compile("\\bnot\\b|\\bnull\\b|[\\s,()]|^-$");

  /**
   * A comparison with a word in an expression: {@code route == "X"}, {@code
   * execution.getVariable("route") != 'X'}, {@code caseApprovals.route(id) == 'X'}.
   */
  private static final Pattern COMPARISON =
      Pattern.compile(
          "(?:getVariable\\(\\s*[\"'](\\w+)[\"']\\s*\\)|\\b(\\w+)(?:\\([^()]*\\))?)\\s*[!=]=\\s*([\"'])(.*?)\\3");

  static Stream<Path> decisionTables() {
    return files(PROCESSES, ".dmn");
  }

  static Stream<Path> diagrams() {
    return files(PROCESSES, ".bpmn");
  }

  static Stream<Path> templates() {
    return files(TEMPLATES, ".json");
  }

  static Stream<Path> forms() {
    return files(FORMS, ".form");
  }

  static Stream<Path> labelSets() {
    return files(LABEL_SETS, ".json");
  }

  @ParameterizedTest
  @MethodSource("decisionTables")
  void decision_tables_use_the_vocabulary(Path file) {
    assertThat(decisionTableProblems(file.toString(), read(file))).isEmpty();
  }

  @Test
  void should_check_the_risk_columns_of_both_routing_tables() {
    for (String table : List.of("ai-routing.dmn", "document-routing.dmn")) {
      String dmn = read(PROCESSES.resolve(table));
      assertThat(decisionTableProblems(table, dmn.replace("\"LOW\"", "\"SMALL\"")))
          .as("%s with risk SMALL", table)
          .isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void diagrams_compare_with_vocabulary_words(Path file) {
    assertThat(diagramProblems(file.toString(), read(file))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void element_templates_offer_vocabulary_words(Path file) {
    assertThat(templateProblems(file.toString(), json(read(file)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void forms_offer_vocabulary_words(Path file) {
    assertThat(formProblems(file.toString(), json(read(file)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("labelSets")
  void label_sets_use_vocabulary_risks(Path file) {
    assertThat(labelSetProblems(file.toString(), json(read(file)))).isEmpty();
  }

  @Test
  void should_refuse_a_word_outside_the_vocabulary_in_a_decision_table() {
    String routing = read(PROCESSES.resolve("document-routing.dmn"));

    assertThat(
            decisionTableProblems(
                "routing.dmn",
                routing.replaceFirst(
                    "\"AUTO_EXECUTE\"</text></outputEntry>",
                    "\"AUTO_APPROVE\"</text></outputEntry>")))
        .singleElement(STRING)
        .contains("rule 'rule-low-risk'", "column 'route'", "'AUTO_APPROVE' is not a Route");
    assertThat(
            decisionTableProblems(
                "routing.dmn",
                routing.replace("<text>not(\"PASS\")</text>", "<text>not(PASSED)</text>")))
        .singleElement(STRING)
        .contains("rule-validation-failed", "'not(PASSED)' is not a list of words in quotes");
  }

  @Test
  void should_refuse_a_word_outside_the_vocabulary_in_a_diagram() {
    String diagram =
        "<definitions><sequenceFlow><conditionExpression>${route == &#34;AUTO_APPROVE&#34;"
            + " || execution.getVariable('risk') != 'SMALL'}</conditionExpression>"
            + "</sequenceFlow></definitions>";

    assertThat(diagramProblems("intake.bpmn", diagram))
        .anySatisfy(problem -> assertThat(problem).contains("'AUTO_APPROVE' is not a Route"))
        .anySatisfy(problem -> assertThat(problem).contains("'SMALL' is not a Risk"))
        .hasSize(2);
  }

  @Test
  void should_refuse_a_word_outside_the_vocabulary_in_an_element_template() {
    ObjectNode template = (ObjectNode) json(read(TEMPLATES.resolve("validate.json")));
    template
        .withArray("properties")
        .add(
            json(
                """
                {"type": "Dropdown", "value": "PASS",
                 "binding": {"type": "camunda:inputParameter", "name": "validationVerdict"},
                 "choices": [{"name": "Pass", "value": "PASS"}, {"name": "Ok", "value": "OK"}]}
                """));

    assertThat(templateProblems("validate.json", template))
        .singleElement(STRING)
        .contains("'validationVerdict'", "'OK' is not a Verdict");
  }

  @Test
  void should_refuse_a_word_outside_the_vocabulary_in_a_form() {
    JsonNode form =
        json(
            """
            {"components": [{"type": "group", "components": [
              {"key": "guardVerdict", "type": "select", "defaultValue": "PASS",
               "values": [{"label": "Held back", "value": "HELD"}]}]}]}
            """);

    assertThat(formProblems("review.form", form))
        .singleElement(STRING)
        .contains("field 'guardVerdict'", "'HELD' is not a GuardVerdict");
  }

  @Test
  void should_refuse_a_word_outside_the_vocabulary_in_a_label_set() {
    JsonNode labelSet =
        json(
            read(LABEL_SETS.resolve("document-risk.json"))
                .replace("\"risk\": \"HIGH\"", "\"risk\": \"SEVERE\""));

    assertThat(labelSetProblems("document-risk.json", labelSet))
        .singleElement(STRING)
        .contains("label 'HIGH'", "'SEVERE' is not a Risk");
  }

  /** The problems of a decision table's columns that read or write a vocabulary variable. */
  static List<String> decisionTableProblems(String file, String dmn) {
    List<String> problems = new ArrayList<>();
    for (DecisionTable table :
        Dmn.readModelFromStream(stream(dmn)).getModelElementsByType(DecisionTable.class)) {
      String where =
          "%s, decision '%s'".formatted(file, ((DmnElement) table.getParentElement()).getId());
      List<Rule> rules = List.copyOf(table.getRules());
      List<Input> inputs = List.copyOf(table.getInputs());
      for (int i = 0; i < inputs.size(); i++) {
        int column = i;
        problems.addAll(
            columnProblems(
                where,
                inputs.get(i).getInputExpression().getText().getTextContent().strip(),
                inputs.get(i).getInputValues(),
                rules,
                rule -> List.copyOf(rule.getInputEntries()).get(column).getText()));
      }
      List<Output> outputs = List.copyOf(table.getOutputs());
      for (int o = 0; o < outputs.size(); o++) {
        int column = o;
        problems.addAll(
            columnProblems(
                where,
                outputs.get(o).getName(),
                outputs.get(o).getOutputValues(),
                rules,
                rule -> List.copyOf(rule.getOutputEntries()).get(column).getText()));
      }
    }
    return problems;
  }

  /** The listed values and the rules' cells of a column, when it holds a vocabulary variable. */
  private static List<String> columnProblems(
      String where,
      String variable,
      UnaryTests listed,
      List<Rule> rules,
      Function<Rule, Text> cell) {
    if (!VOCABULARY.containsKey(variable)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (listed != null) {
      problems.addAll(
          cellProblems(
              "%s, column '%s', listed values".formatted(where, variable),
              variable,
              listed.getText().getTextContent()));
    }
    for (Rule rule : rules) {
      problems.addAll(
          cellProblems(
              "%s, rule '%s', column '%s'".formatted(where, rule.getId(), variable),
              variable,
              cell.apply(rule).getTextContent()));
    }
    return problems;
  }

  /** Comparisons of a vocabulary variable with a word, in any expression of a diagram. */
  static List<String> diagramProblems(String file, String bpmn) {
    List<String> expressions = new ArrayList<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      collectExpressions(
          factory.newDocumentBuilder().parse(new InputSource(stream(bpmn))).getDocumentElement(),
          expressions);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    List<String> problems = new ArrayList<>();
    for (String expression : expressions) {
      Matcher comparison = COMPARISON.matcher(expression);
      while (comparison.find()) {
        String variable = comparison.group(1) != null ? comparison.group(1) : comparison.group(2);
        if (VOCABULARY.containsKey(variable)) {
          problems.addAll(
              wordProblems(
                  "%s, expression %s".formatted(file, expression),
                  variable,
                  List.of(comparison.group(4))));
        }
      }
    }
    return problems;
  }

  /** Fixed values and dropdown choices of template properties bound to a vocabulary variable. */
  static List<String> templateProblems(String file, JsonNode template) {
    List<String> problems = new ArrayList<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      String variable = binding.path("name").asText(binding.path("target").asText());
      if (VOCABULARY.containsKey(variable)) {
        List<String> words = new ArrayList<>();
        property.path("choices").forEach(choice -> words.add(choice.path("value").asText()));
        String value = property.path("value").asText("");
        if (!value.isEmpty() && !value.startsWith("${")) {
          words.add(value);
        }
        problems.addAll(
            wordProblems("%s, property bound to '%s'".formatted(file, variable), variable, words));
      }
    }
    return problems;
  }

  /** Static options and defaults of form fields (at any depth) keyed by a vocabulary variable. */
  static List<String> formProblems(String file, JsonNode form) {
    List<String> problems = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      String variable = component.path("key").asText();
      if (VOCABULARY.containsKey(variable)) {
        List<String> words = new ArrayList<>();
        component.path("values").forEach(option -> words.add(option.path("value").asText()));
        if (component.path("defaultValue").isTextual()) {
          words.add(component.path("defaultValue").asText());
        }
        problems.addAll(wordProblems("%s, field '%s'".formatted(file, variable), variable, words));
      }
      problems.addAll(formProblems(file, component));
    }
    return problems;
  }

  static List<String> labelSetProblems(String file, JsonNode labelSet) {
    List<String> problems = new ArrayList<>();
    for (JsonNode label : labelSet.path("labels")) {
      if (label.has("risk")) {
        problems.addAll(
            wordProblems(
                "%s, label '%s'".formatted(file, label.path("name").asText()),
                "risk",
                List.of(label.path("risk").asText())));
      }
    }
    return problems;
  }

  /** A cell of a vocabulary column holds words in quotes, perhaps in {@code not(...)}, or null. */
  private static List<String> cellProblems(String where, String variable, String cell) {
    String text = cell == null ? "" : cell.strip();
    List<String> words = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(text);
    while (quoted.find()) {
      words.add(quoted.group(1));
    }
    if (!SYNTAX.matcher(QUOTED.matcher(text).replaceAll("")).replaceAll("").isEmpty()) {
      return List.of(
          "%s: '%s' is not a list of words in quotes from %s"
              .formatted(where, text, vocabulary(variable)));
    }
    return wordProblems(where, variable, words);
  }

  private static List<String> wordProblems(String where, String variable, List<String> words) {
    Class<? extends Enum<?>> vocabulary = VOCABULARY.get(variable);
    return words.stream()
        .filter(
            word ->
                Arrays.stream(vocabulary.getEnumConstants()).noneMatch(c -> c.name().equals(word)))
        .map(
            word ->
                "%s: '%s' is not a %s: use one of %s"
                    .formatted(where, word, vocabulary.getSimpleName(), vocabulary(variable)))
        .toList();
  }

  private static String vocabulary(String variable) {
    return Arrays.toString(VOCABULARY.get(variable).getEnumConstants());
  }

  private static void collectExpressions(Node node, List<String> expressions) {
    if (node.getAttributes() != null) {
      for (int a = 0; a < node.getAttributes().getLength(); a++) {
        addExpression(node.getAttributes().item(a).getNodeValue(), expressions);
      }
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        addExpression(child.getNodeValue(), expressions);
      } else {
        collectExpressions(child, expressions);
      }
    }
  }

  private static void addExpression(String value, List<String> expressions) {
    if (value != null && value.contains("${")) {
      expressions.add(value.strip());
    }
  }

  private static Stream<Path> files(Path folder, String suffix) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
