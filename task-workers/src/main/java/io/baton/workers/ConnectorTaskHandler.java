package io.baton.workers;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connector for the tasks of its topic and reports the outcome to the engine: complete
 * with the output as variables, a BPMN error for a business outcome, or a failure that counts the
 * task's retries down until it becomes an incident.
 */
class ConnectorTaskHandler<I, O> implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(ConnectorTaskHandler.class);

  private final ConnectorFunction<I, O> function;
  private final VariableBinding binding;
  private final RetryPolicy retryPolicy;

  ConnectorTaskHandler(
      ConnectorFunction<I, O> function, VariableBinding binding, RetryPolicy retryPolicy) {
    this.function = function;
    this.binding = binding;
    this.retryPolicy = retryPolicy;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    I input;
    try {
      input = binding.bind(task.getAllVariables(), function.inputType());
    } catch (InvalidInputException e) {
      log.warn("task {} on {}: {}", task.getId(), function.topic(), e.getMessage());
      service.handleFailure(task, e.getMessage(), null, 0, 0);
      return;
    }
    O output;
    try {
      output = function.apply(input);
    } catch (ConnectorBpmnError e) {
      service.handleBpmnError(task, e.code(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      int retriesLeft = retryPolicy.retriesLeft(task.getRetries());
      log.warn(
          "task {} on {} failed, {} retries left: {}",
          task.getId(),
          function.topic(),
          retriesLeft,
          e.toString());
      service.handleFailure(
          task,
          function.topic() + " failed: " + e.getMessage(),
          stackTrace(e),
          retriesLeft,
          retryPolicy.backoffMillis(retriesLeft));
      return;
    }
    service.complete(task, binding.toVariables(output));
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
