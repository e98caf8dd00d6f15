package io.baton.governance;

import java.util.Optional;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The approval gate for a tool that runs in a worker: the worker names the external task it holds
 * and the digest of the input it will act with; the gate of {@link ApprovalGate} decides from the
 * diagram and the case's approvals, which the engine (not the worker) reads.
 */
@Component
public class ToolApprovals {

  private final ExternalTaskService externalTasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ApprovalGate gate;

  ToolApprovals(
      ExternalTaskService externalTasks,
      RepositoryService repository,
      IdentityService identity,
      ApprovalGate gate) {
    this.externalTasks = externalTasks;
    this.repository = repository;
    this.identity = identity;
    this.gate = gate;
  }

  /** Why a worker may not act for the external task now, or empty when it may. */
  public Optional<String> check(String externalTaskId, String digest) {
    // as the worker: it may only ask about tasks it can see
    ExternalTask task =
        externalTasks.createExternalTaskQuery().externalTaskId(externalTaskId).singleResult();
    if (task == null) {
      return Optional.of("external task " + externalTaskId + " does not exist (any more)");
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication(); // Baton reads the diagram, which the worker may not
    try {
      return gate.refusal(
          task.getProcessInstanceId(),
          repository.getBpmnModelInstance(task.getProcessDefinitionId()),
          task.getActivityId(),
          digest);
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
