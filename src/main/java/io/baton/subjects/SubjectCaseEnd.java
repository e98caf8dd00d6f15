package io.baton.subjects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * End listener of a process that names its subject: closes the case, with how it ended (the name of
 * its end event, or why it was stopped).
 */
@Component("subjectCaseEnd")
class SubjectCaseEnd implements ExecutionListener {

  private final SubjectCases cases;

  SubjectCaseEnd(SubjectCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cases.closed(
        execution.getProcessInstanceId(),
        outcome(execution),
        ClockUtil.getCurrentTime().toInstant());
  }

  private static String outcome(DelegateExecution execution) {
    if (execution.isCanceled()) {
      String reason = execution.getCurrentActivityName();
      return "stopped" + (reason == null ? "" : " at " + reason);
    }
    String name = execution.getCurrentActivityName();
    return name != null ? name : execution.getCurrentActivityId();
  }
}
