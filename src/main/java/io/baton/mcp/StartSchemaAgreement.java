package io.baton.mcp;

import io.baton.security.starts.StartRules;
import io.baton.security.starts.StartVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool's input schema says the same as its process's {@link StartRules}: the same variables, the
 * same required ones, of the same types, and no others ({@code additionalProperties: false}).
 */
final class StartSchemaAgreement {

  private StartSchemaAgreement() {}

  static void check(ProcessTool tool, StartRules rules) {
    List<String> problems = new ArrayList<>();
    Object properties = tool.inputSchema().get("properties");
    Set<String> described =
        properties instanceof java.util.Map<?, ?> map
            ? new TreeSet<>(map.keySet().stream().map(String::valueOf).toList())
            : new TreeSet<>();
    Set<String> declared =
        new TreeSet<>(rules.variables().stream().map(StartVariable::name).toList());
    if (!described.equals(declared)) {
      problems.add("it describes %s, the start rules allow %s".formatted(described, declared));
    }
    Set<String> required = new TreeSet<>(strings(tool.inputSchema().get("required")));
    Set<String> mandatory =
        new TreeSet<>(
            rules.variables().stream()
                .filter(StartVariable::mandatory)
                .map(StartVariable::name)
                .toList());
    if (!required.equals(mandatory)) {
      problems.add("it requires %s, the start rules %s".formatted(required, mandatory));
    }
    for (StartVariable variable : rules.variables()) {
      Object type = tool.property(variable.name()).get("type");
      if (type != null && !type.equals(jsonType(variable.kind())) && !isInteger(variable, type)) {
        problems.add(
            "%s is %s, the start rules take %s".formatted(variable.name(), type, variable.kind()));
      }
    }
    if (!Boolean.FALSE.equals(tool.inputSchema().get("additionalProperties"))) {
      problems.add("it must say \"additionalProperties\": false, as the start rules refuse others");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the input schema of MCP tool '%s' disagrees with the start rules of %s: %s"
              .formatted(tool.name(), rules.processKey(), String.join("; ", problems)));
    }
  }

  private static String jsonType(StartVariable.Kind kind) {
    return switch (kind) {
      case TEXT -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
    };
  }

  private static boolean isInteger(StartVariable variable, Object type) {
    return variable.kind() == StartVariable.Kind.NUMBER && "integer".equals(type);
  }

  private static List<String> strings(Object value) {
    return value instanceof Collection<?> values
        ? values.stream().map(String::valueOf).toList()
        : List.of();
  }
}
