package io.baton.workers;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.models.BudgetExceededException;
import io.baton.models.ModelUnavailableException;
import io.baton.models.RateLimitedException;
import io.baton.workers.TaskOutcome.BpmnError;
import io.baton.workers.TaskOutcome.Complete;
import io.baton.workers.TaskOutcome.Incident;
import io.baton.workers.TaskOutcome.Retry;
import io.baton.workers.TaskOutcome.Wait;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The one place where what a connector threw becomes what the engine is told. A connector says how
 * it fails with one of three types: {@link ConnectorBpmnError} (the diagram handles it), {@link
 * RetryLaterException} (it may pass; wait at least its Retry-After) and {@link ConnectorIncident}
 * (it will not pass). The model layer's and the runtime's own failures are mapped here too, so no
 * connector repeats them:
 *
 * <table>
 *   <tr><th>thrown</th><th>outcome</th></tr>
 *   <tr><td>nothing</td><td>complete with the output as variables</td></tr>
 *   <tr><td>ConnectorBpmnError</td><td>BPMN error with its code and variables</td></tr>
 *   <tr><td>BudgetExceededException</td><td>BPMN error BUDGET_EXCEEDED (the spend stays spent)</td></tr>
 *   <tr><td>EffectInProgressException</td><td>wait for the other attempt, retries kept</td></tr>
 *   <tr><td>RateLimitedException</td><td>wait for the model's next rate window, retries kept</td></tr>
 *   <tr><td>ConnectorIncident, InvalidInputException, IllegalArgumentException</td>
 *       <td>incident now</td></tr>
 *   <tr><td>RetryLaterException, ModelUnavailableException</td>
 *       <td>retry after max(backoff, Retry-After)</td></tr>
 *   <tr><td>TimeoutException, anything else</td><td>retry with backoff, then incident</td></tr>
 * </table>
 */
final class FailureContract {

  private final RetryPolicy retryPolicy;
  private final String topic;
  private final Duration timeout;

  FailureContract(RetryPolicy retryPolicy, String topic, Duration timeout) {
    this.retryPolicy = retryPolicy;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * @param variables the connector's output as variables, when it returned one
   * @param error what it threw instead, or null
   * @param retries the task's retries as the engine reports them, null before the first failure
   */
  TaskOutcome outcome(Map<String, Object> variables, Throwable error, Integer retries) {
    return error == null ? new Complete(variables) : outcome(error, retries);
  }

  TaskOutcome outcome(Throwable error, Integer retries) {
    if (error instanceof ConnectorBpmnError bpmnError) {
      return new BpmnError(bpmnError.code(), bpmnError.getMessage(), bpmnError.variables());
    }
    if (error instanceof BudgetExceededException overBudget) {
      return new BpmnError(BudgetExceededException.CODE, overBudget.getMessage());
    }
    if (error instanceof RateLimitedException limited) {
      // not a failure: the engine hands the task out again when the window opens, by priority
      return new Wait(
          topic + ": " + limited.getMessage(),
          retries == null ? retryPolicy.retries() : retries,
          Math.max(limited.retryAfter().toMillis(), 1));
    }
    if (error instanceof EffectInProgressException inProgress) {
      long wait = Math.max(inProgress.leaseLeft().toMillis(), retryPolicy.backoff().toMillis());
      String message = topic + ": " + inProgress.getMessage();
      return new Wait(message, retries == null ? retryPolicy.retries() : retries, wait);
    }
    if (error instanceof ConnectorIncident
        || error instanceof InvalidInputException
        || error instanceof IllegalArgumentException) {
      // the same input fails the same way again (an unknown model, prompt, schema or endpoint):
      // an incident now, for someone to fix the diagram or the configuration
      return new Incident(failed(error));
    }
    int retriesLeft = retryPolicy.retriesLeft(retries);
    long backoff = Math.max(retryPolicy.backoffMillis(retriesLeft), retryAfter(error).toMillis());
    return new Retry(failed(error), retriesLeft, backoff);
  }

  private static Duration retryAfter(Throwable error) {
    Duration after = null;
    if (error instanceof RetryLaterException later) {
      after = later.retryAfter();
    } else if (error instanceof ModelUnavailableException unavailable) {
      after = unavailable.retryAfter();
    }
    return after == null ? Duration.ZERO : after;
  }

  private String failed(Throwable error) {
    String why =
        error instanceof TimeoutException
            ? "timed out after %d ms; a connector that needs longer needs a longer baton.workers.timeout"
                .formatted(timeout.toMillis())
            : error.getMessage() == null ? error.toString() : error.getMessage();
    return topic + " failed: " + why;
  }
}
