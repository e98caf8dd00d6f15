package io.baton.security.starts;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** Built-in start listener that refuses a start breaking the process's {@link StartRules}. */
class StartRulesListener implements ExecutionListener {

  private final StartRules rules;
  private final Set<String> implicit;

  /**
   * @param implicit variables the engine sets itself at the start, such as the initiator
   */
  StartRulesListener(StartRules rules, Set<String> implicit) {
    this.rules = rules;
    this.implicit = implicit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems =
        rules.problems(execution.getVariables(), execution.getProcessBusinessKey(), implicit);
    if (!problems.isEmpty()) {
      throw new InvalidStartException(rules.processKey(), problems);
    }
    rules
        .defaults()
        .forEach(
            (name, value) -> {
              if (execution.getVariable(name) == null) {
                execution.setVariable(name, value);
              }
            });
  }
}
