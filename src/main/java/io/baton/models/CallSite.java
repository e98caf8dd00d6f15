package io.baton.models;

/**
 * Where a model call comes from, so its audit record links to the case: the process instance, the
 * BPMN activity and the external task. Calls outside a process (tests, tools) use {@link #NONE}.
 */
public record CallSite(String processInstanceId, String activityId, String taskId) {

  public static final CallSite NONE = new CallSite(null, null, null);
}
