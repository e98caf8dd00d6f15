package io.baton.events;

import io.baton.events.EventMappings.Compiled;
import io.baton.events.EventsProperties.Action;
import io.baton.security.starts.InvalidStartException;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an event, the one way in for Kafka and HTTP: finds its mapping, its business key and its
 * variables (a refusal writes nothing), then in one transaction claims the event's receipt and
 * starts or correlates. A second delivery of the same event answers with the first one's case; two
 * deliveries at once end as one case, because the second waits on the first one's receipt.
 */
public class EventIntake {

  private static final Duration WAIT_FOR_OTHER_DELIVERY = Duration.ofSeconds(30);

  private final EventMappings mappings;
  private final EventReceipts receipts;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final CommandExecutor commands;

  /**
   * @param commands the engine's, to look for the waiting case without the poster's authorizations
   *     (integrations may continue cases, not read them)
   */
  EventIntake(
      EventMappings mappings,
      EventReceipts receipts,
      RuntimeService runtime,
      TransactionTemplate transaction,
      CommandExecutor commands) {
    this.mappings = mappings;
    this.receipts = receipts;
    this.runtime = runtime;
    this.transaction = transaction;
    this.commands = commands;
  }

  /** What became of an event. */
  public record Taken(String processInstanceId, Action action, boolean duplicate) {}

  public Taken take(IncomingEvent event) {
    checkIdentity(event);
    Compiled mapping = mappings.forType(event.type());
    String businessKey = mapping.businessKey(event);
    VariableMap variables = EventVariables.of(event);
    long giveUpAt = System.nanoTime() + WAIT_FOR_OTHER_DELIVERY.toNanos();
    while (true) {
      Optional<String> earlier = receipts.processInstanceOf(event);
      if (earlier.isPresent()) {
        return new Taken(earlier.get(), mapping.action(), true);
      }
      try {
        String processInstanceId =
            transaction.execute(
                status -> {
                  receipts.claim(event);
                  String id = act(mapping, businessKey, variables);
                  receipts.complete(event, id);
                  return id;
                });
        return new Taken(processInstanceId, mapping.action(), false);
      } catch (DuplicateKeyException | ConcurrencyFailureException anotherDelivery) {
        // another delivery holds the receipt: its case is ours once it commits; if it rolls back,
        // this delivery takes the event
        if (System.nanoTime() > giveUpAt) {
          throw new IllegalStateException(
              "%s is being taken by another delivery that has not finished; try again"
                  .formatted(event.describe()),
              anotherDelivery);
        }
        pause();
      }
    }
  }

  private String act(Compiled mapping, String businessKey, VariableMap variables) {
    try {
      return mapping.action() == Action.START
          ? start(mapping, businessKey, variables)
          : correlate(mapping, businessKey, variables);
    } catch (RuntimeException e) {
      InvalidStartException invalid = cause(e, InvalidStartException.class);
      if (invalid != null) {
        throw new EventRefusedException(
            "the case for business key %s refused its start: %s"
                .formatted(businessKey, invalid.getMessage()));
      }
      throw e;
    }
  }

  private String start(Compiled mapping, String businessKey, VariableMap variables) {
    try {
      return runtime
          .createMessageCorrelation(mapping.message())
          .processInstanceBusinessKey(businessKey)
          .setVariables(variables)
          .correlateStartMessage()
          .getId();
    } catch (MismatchingMessageCorrelationException e) {
      throw new EventRefusedException(
          ("no deployed process starts on message '%s' (baton.events.mappings.%s.message): deploy"
                  + " the process whose message start event has that name, or correct the mapping")
              .formatted(mapping.message(), mapping.name()));
    }
  }

  private String correlate(Compiled mapping, String businessKey, VariableMap variables) {
    // looked up first, so that a case that does not wait is an answer, not an engine error
    long waiting = waitingCases(mapping, businessKey);
    if (waiting == 0) {
      throw new EventRefusedException(noWaitingCase(mapping, businessKey));
    }
    if (waiting > 1) {
      throw new EventRefusedException(
          "%d cases with business key %s wait for message %s; an event continues one"
              .formatted(waiting, businessKey, mapping.message()));
    }
    MessageCorrelationResult result;
    try {
      result =
          runtime
              .createMessageCorrelation(mapping.message())
              .processInstanceBusinessKey(businessKey)
              .setVariables(variables)
              .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new EventRefusedException(
          e.getMessage() != null && e.getMessage().contains("executions match")
              ? "several cases with business key %s wait for message '%s': %s"
                  .formatted(businessKey, mapping.message(), e.getMessage())
              : noWaitingCase(mapping, businessKey));
    }
    if (result.getResultType() == MessageCorrelationResultType.ProcessDefinition) {
      // the message also starts a process; correlating never starts one (this rolls it back)
      throw new EventRefusedException(noWaitingCase(mapping, businessKey));
    }
    return result.getExecution().getProcessInstanceId();
  }

  private long waitingCases(Compiled mapping, String businessKey) {
    return commands.execute(
        context ->
            context.runWithoutAuthorization(
                () ->
                    runtime
                        .createExecutionQuery()
                        .messageEventSubscriptionName(mapping.message())
                        .processInstanceBusinessKey(businessKey)
                        .count()));
  }

  private static String noWaitingCase(Compiled mapping, String businessKey) {
    return "no case with business key %s waits for message %s"
        .formatted(businessKey, mapping.message());
  }

  private static void checkIdentity(IncomingEvent event) {
    if (event.source().length() > EventReceipts.MAX_SOURCE
        || event.id().length() > EventReceipts.MAX_ID) {
      throw new EventRefusedException(
          "the event's source (at most %d characters) or id (at most %d) is too long"
              .formatted(EventReceipts.MAX_SOURCE, EventReceipts.MAX_ID));
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for another delivery", e);
    }
  }
}
