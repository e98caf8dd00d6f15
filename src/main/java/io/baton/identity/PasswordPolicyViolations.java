package io.baton.identity;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** The rules of the engine's password policy that a password breaks, by their engine names. */
final class PasswordPolicyViolations {

  private PasswordPolicyViolations() {}

  /** For example {@code PASSWORD_POLICY_LENGTH (minLength 10), PASSWORD_POLICY_DIGIT (...)}. */
  static String describe(PasswordPolicyResult result) {
    return result.getViolatedRules().stream()
        .map(PasswordPolicyViolations::describe)
        .collect(Collectors.joining(", "));
  }

  private static String describe(PasswordPolicyRule rule) {
    if (rule.getParameters() == null || rule.getParameters().isEmpty()) {
      return rule.getPlaceholder();
    }
    return rule.getPlaceholder()
        + rule.getParameters().entrySet().stream()
            .map(parameter -> parameter.getKey() + " " + parameter.getValue())
            .collect(Collectors.joining(", ", " (", ")"));
  }
}
