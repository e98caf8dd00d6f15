package io.baton.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;

/**
 * The inputs a decision table reads, and what is wrong with the values a case gives them: an input
 * that is missing (unless a rule lists {@code null} for it), a number that is not finite, a value
 * of the wrong type, or text the table does not list. Routing never auto-executes a case with such
 * a problem, whatever the table says, and names the input in the reason.
 */
public final class DecisionInputs {

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEXT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern NULL = Pattern.compile("\\bnull\\b");
  private static final Set<String> NUMBERS = Set.of("double", "integer", "long");

  /** One input column: the variable it reads, its type, and the text values its rules list. */
  record Column(String variable, String type, Set<String> listed, boolean acceptsMissing) {}

  /** What is wrong with one input; {@code unlisted} marks text the table does not list. */
  public record Problem(String input, String text, boolean unlisted) {}

  private final String decisionKey;
  private final List<Column> columns;

  private DecisionInputs(String decisionKey, List<Column> columns) {
    this.decisionKey = decisionKey;
    this.columns = columns;
  }

  public static DecisionInputs of(DmnDecision decision) {
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      return new DecisionInputs(decision.getKey(), List.of());
    }
    List<Column> columns = new ArrayList<>();
    List<DmnDecisionTableInputImpl> inputs = table.getInputs();
    for (int i = 0; i < inputs.size(); i++) {
      DmnDecisionTableInputImpl input = inputs.get(i);
      String expression =
          input.getExpression() == null ? null : input.getExpression().getExpression();
      if (expression == null || !VARIABLE.matcher(expression.trim()).matches()) {
        continue; // a computed input: its variables are checked where they are read
      }
      Set<String> listed = new LinkedHashSet<>();
      boolean acceptsMissing = false;
      for (DmnDecisionTableRuleImpl rule : table.getRules()) {
        DmnExpressionImpl condition = rule.getConditions().get(i);
        String entry = condition.getExpression();
        if (entry == null) {
          continue;
        }
        Matcher text = TEXT.matcher(entry);
        while (text.find()) {
          listed.add(text.group(1));
        }
        if (NULL.matcher(entry.replaceAll(TEXT.pattern(), "")).find() && !entry.contains("not(")) {
          acceptsMissing = true;
        }
      }
      String type =
          input.getExpression().getTypeDefinition() == null
              ? null
              : input.getExpression().getTypeDefinition().getTypeName();
      columns.add(new Column(expression.trim(), type, listed, acceptsMissing));
    }
    return new DecisionInputs(decision.getKey(), columns);
  }

  /** The variables the table reads directly. */
  public List<String> variables() {
    return columns.stream().map(Column::variable).toList();
  }

  public List<Problem> problems(Map<String, ?> variables) {
    List<Problem> problems = new ArrayList<>();
    for (Column column : columns) {
      String name = column.variable();
      Object value = variables.get(name);
      if (value == null) {
        if (!column.acceptsMissing()) {
          problems.add(new Problem(name, "input '%s' is missing".formatted(name), false));
        }
      } else if (column.type() != null && NUMBERS.contains(column.type())) {
        if (!(value instanceof Number number)) {
          problems.add(new Problem(name, "input '%s' is not a number".formatted(name), false));
        } else if (!Double.isFinite(number.doubleValue())) {
          problems.add(
              new Problem(
                  name, "input '%s' is not a finite number (%s)".formatted(name, value), false));
        }
      } else if ("boolean".equals(column.type()) && !(value instanceof Boolean)) {
        problems.add(new Problem(name, "input '%s' is not true or false".formatted(name), false));
      } else if ("string".equals(column.type()) || column.type() == null) {
        if (!(value instanceof String text)) {
          if ("string".equals(column.type())) {
            problems.add(new Problem(name, "input '%s' is not text".formatted(name), false));
          }
        } else if (!column.listed().isEmpty() && !column.listed().contains(text)) {
          problems.add(
              new Problem(
                  name,
                  "input '%s' is '%s', which decision '%s' does not list"
                      .formatted(name, shorten(text), decisionKey),
                  true));
        }
      }
    }
    return problems;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
