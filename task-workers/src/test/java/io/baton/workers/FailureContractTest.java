package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a task can fail, and what the engine is told: the worker's failure contract. */
class FailureContractTest {

  private static final Duration BACKOFF = Duration.ofSeconds(2);

  private final FailureContract contract =
      new FailureContract(new RetryPolicy(3, BACKOFF), "baton.test", Duration.ofMillis(500));

  static Stream<Arguments> cases() {
    return Stream.of(
        // thrown, the task's retries so far (null: first failure), expected outcome
        Arguments.of(
            new ConnectorBpmnError("HTTP_409", "HTTP 409 from erp", Map.of("httpStatus", 409)),
            null,
            new BpmnError("HTTP_409", "HTTP 409 from erp", Map.of("httpStatus", 409))),
        Arguments.of(
            new BudgetExceededException("case budget of 0.10 spent"),
            2,
            new BpmnError("BUDGET_EXCEEDED", "case budget of 0.10 spent")),
        Arguments.of(
            new RateLimitedException("model 'smart': window full", Duration.ofMillis(700)),
            1,
            new Wait("baton.test: model 'smart': window full", 1, 700)),
        Arguments.of(
            new RateLimitedException("model 'smart': window full", Duration.ofMillis(700)),
            null,
            new Wait("baton.test: model 'smart': window full", 3, 700)),
        Arguments.of(
            new ConnectorIncident("http endpoint 'erp' is not configured"),
            null,
            new Incident("baton.test failed: http endpoint 'erp' is not configured")),
        Arguments.of(
            new InvalidInputException("invalid input: 'path' must not be blank"),
            null,
            new Incident("baton.test failed: invalid input: 'path' must not be blank")),
        Arguments.of(
            new IllegalArgumentException("no model named 'gpt-9'"),
            3,
            new Incident("baton.test failed: no model named 'gpt-9'")),
        Arguments.of(
            new RetryLaterException("erp answered 503", Duration.ofSeconds(30)),
            null,
            new Retry("baton.test failed: erp answered 503", 2, 30_000)),
        Arguments.of(
            new RetryLaterException("erp answered 500", null),
            null,
            new Retry("baton.test failed: erp answered 500", 2, 2_000)),
        Arguments.of(
            new RetryLaterException("erp answered 429", Duration.ofSeconds(1)),
            2,
            new Retry("baton.test failed: erp answered 429", 1, 4_000)),
        Arguments.of(
            new ModelUnavailableException("model 'smart': 429", Duration.ofSeconds(20), null),
            null,
            new Retry("baton.test failed: model 'smart': 429", 2, 20_000)),
        Arguments.of(
            new TimeoutException(),
            1,
            new Retry(
                "baton.test failed: timed out after 500 ms; a connector that needs longer needs a"
                    + " longer baton.workers.timeout",
                0,
                8_000)),
        Arguments.of(
            new IllegalStateException("webhook not reachable"),
            null,
            new Retry("baton.test failed: webhook not reachable", 2, 2_000)),
        Arguments.of(
            new IllegalStateException("still down"),
            1,
            new Retry("baton.test failed: still down", 0, 8_000)),
        Arguments.of(
            new NullPointerException(),
            null,
            new Retry("baton.test failed: java.lang.NullPointerException", 2, 2_000)),
        Arguments.of(
            new EffectInProgressException("p:a", "worker-2", Duration.ofSeconds(10)),
            null,
            new Wait(
                "baton.test: effect p:a is being attempted by worker-2; trying again once it is"
                    + " done or its lease runs out (10000 ms)",
                3,
                10_000)),
        Arguments.of(
            new EffectInProgressException("p:a", "worker-2", Duration.ofMillis(100)),
            1,
            new Wait(
                "baton.test: effect p:a is being attempted by worker-2; trying again once it is"
                    + " done or its lease runs out (100 ms)",
                1,
                2_000)));
  }

  @ParameterizedTest(name = "{0} with retries {1} -> {2}")
  @MethodSource("cases")
  void maps_what_a_task_threw_to_what_the_engine_is_told(
      Throwable thrown, Integer retries, TaskOutcome expected) {
    assertThat(contract.outcome(thrown, retries)).isEqualTo(expected);
  }

  @Test
  void completes_with_the_output_when_nothing_was_thrown() {
    assertThat(contract.outcome(Map.of("httpStatus", 200), null, null))
        .isEqualTo(new Complete(Map.of("httpStatus", 200)));
  }
}
