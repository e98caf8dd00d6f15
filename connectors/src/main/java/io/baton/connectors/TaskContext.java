package io.baton.connectors;

import io.baton.models.CallSite;

/**
 * The task a connector runs for: where in which case. Connectors pass it on to model calls, so the
 * audit of every call links to the process instance and activity.
 */
public record TaskContext(
    String processInstanceId,
    String activityId,
    String activityInstanceId,
    String taskId,
    String businessKey) {

  /** For a connector called outside a process, in a test or a tool. */
  public static final TaskContext NONE = new TaskContext(null, null, null, null, null);

  public CallSite callSite() {
    return new CallSite(processInstanceId, activityId, taskId);
  }
}
