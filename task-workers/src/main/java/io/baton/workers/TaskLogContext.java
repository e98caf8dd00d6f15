package io.baton.workers;

import java.util.Map;
import java.util.concurrent.Executor;
import org.camunda.bpm.client.task.ExternalTask;
import org.slf4j.MDC;

/**
 * The case a task belongs to, in the logging MDC of every thread that works on it: the connector,
 * the model call and the report each run on a pool thread, and each log line they write names the
 * process instance, the activity and the external task ({@code processInstanceId}, {@code
 * activityId}, {@code externalTaskId}). No business key: it may be personal data.
 */
final class TaskLogContext {

  static final String PROCESS_INSTANCE_ID = "processInstanceId";
  static final String ACTIVITY_ID = "activityId";
  static final String EXTERNAL_TASK_ID = "externalTaskId";

  private final Map<String, String> values;

  private TaskLogContext(Map<String, String> values) {
    this.values = values;
  }

  static TaskLogContext of(ExternalTask task) {
    return of(task.getProcessInstanceId(), task.getActivityId(), task.getId());
  }

  static TaskLogContext of(String processInstanceId, String activityId, String externalTaskId) {
    return new TaskLogContext(
        Map.of(
            PROCESS_INSTANCE_ID, String.valueOf(processInstanceId),
            ACTIVITY_ID, String.valueOf(activityId),
            EXTERNAL_TASK_ID, String.valueOf(externalTaskId)));
  }

  /** An executor that runs each command with this task's ids in the MDC, and restores it after. */
  Executor around(Executor executor) {
    return command -> executor.execute(() -> run(command));
  }

  /** Runs {@code work} on this thread with this task's ids in the MDC, and restores it after. */
  void run(Runnable work) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    values.forEach(MDC::put);
    try {
      work.run();
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }
}
