package io.baton.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;

/**
 * Waiting for the workers and reading a case's history, in the style of camunda-bpm-assert's {@code
 * BpmnAwareTests}: on the test's engine ({@code init(engine)}, else the JVM's only one).
 */
public final class ProcessInstances {

  /** How long a test waits for the workers; the first call of the local model loads it. */
  public static final Duration WORKERS = Duration.ofSeconds(60);

  private ProcessInstances() {}

  public static boolean ended(ProcessInstance pi) {
    return ended(runtimeService(), pi);
  }

  public static void awaitEnded(ProcessInstance pi) {
    RuntimeService runtime = runtimeService();
    await().atMost(WORKERS).until(() -> ended(runtime, pi));
  }

  /** Waits until the instance waits at the activity; fails at once if it ends instead. */
  public static void awaitWaitingAt(ProcessInstance pi, String activityId) {
    awaitEndedOrWaiting(pi, activityId);
    assertThat(ended(pi))
        .as("%s ended instead of waiting at '%s'", pi.getId(), activityId)
        .isFalse();
  }

  public static void awaitEndedOrWaiting(ProcessInstance pi, String activityId) {
    RuntimeService runtime = runtimeService();
    await()
        .atMost(WORKERS)
        .until(
            () ->
                ended(runtime, pi)
                    || runtime.getActiveActivityIds(pi.getId()).contains(activityId));
  }

  private static boolean ended(RuntimeService runtime, ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  /** The value a variable of the instance had last, or null if it never had one. */
  public static Object historic(ProcessInstance pi, String name) {
    return historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName(name)
        .list()
        .stream()
        .findFirst()
        .map(HistoricVariableInstance::getValue)
        .orElse(null);
  }

  /**
   * Cancels a case whose tasks the workers may be completing at this very moment, as an operator
   * does in Cockpit: without the output mappings of the tasks it cuts short (their results are not
   * there yet). A deletion that meets a completion fails on the engine's optimistic lock and is
   * tried again.
   */
  public static void cancel(String processInstanceId, String reason) {
    await()
        .atMost(WORKERS)
        .ignoreException(OptimisticLockingException.class)
        .until(
            () -> {
              runtimeService().deleteProcessInstance(processInstanceId, reason, false, true, true);
              return true;
            });
  }

  /** Waits for the process {@code caller} called that {@code which} narrows the query to. */
  public static ProcessInstance awaitCalled(
      ProcessInstance caller, UnaryOperator<ProcessInstanceQuery> which) {
    return await()
        .atMost(WORKERS)
        .until(
            () ->
                which
                    .apply(
                        runtimeService()
                            .createProcessInstanceQuery()
                            .superProcessInstanceId(caller.getId()))
                    .singleResult(),
            found -> found != null);
  }

  /** A person claims the instance's open task and completes it with variables (name, value...). */
  public static void decide(ProcessInstance pi, String user, Object... variables) {
    String taskId = task(pi).getId();
    taskService().setAssignee(taskId, user);
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    taskService().complete(taskId, values);
  }
}
