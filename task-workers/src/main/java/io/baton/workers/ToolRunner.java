package io.baton.workers;

import io.baton.connectors.ActionDigest;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ToolConnector;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.client.task.ExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a topic's tool under its approval gate and the effect ledger: the engine first checks that
 * the approval the tool task's policy asks for covers the exact input it acts with (else the task
 * raises {@value #APPROVAL_REQUIRED} and nothing acts); an effect already done returns its recorded
 * result; otherwise the attempt acts only while it holds the effect's lease, which it renews for as
 * long as the tool acts, also after the task's lock was lost (that is when another worker may try
 * the same effect). A lease runs out only when its owner stops renewing it: the worker died.
 */
final class ToolRunner {

  private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);

  /** The BPMN error of a tool whose approval is missing, outdated or for other arguments. */
  static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

  private final EffectLedgerClient ledger;
  private final VariableBinding binding;
  private final String topic;
  private final String workerId;
  private final Duration lease;
  private final AtomicLong attempts = new AtomicLong();
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  ToolRunner(
      EffectLedgerClient ledger,
      VariableBinding binding,
      String topic,
      String workerId,
      Duration lease) {
    this.ledger = ledger;
    this.binding = binding;
    this.topic = topic;
    this.workerId = workerId;
    this.lease = lease;
  }

  <I, O> Map<String, Object> actOnce(ToolConnector<I, O> tool, ExternalTask task, I input) {
    String key = task.getProcessInstanceId() + ":" + task.getActivityInstanceId();
    // one owner per attempt: this worker may fetch the same task again while a first attempt
    // still acts
    String owner = workerId + ":" + task.getId() + ":" + attempts.incrementAndGet();
    // the engine checks the tool's approval against the arguments it acts with, before the ledger
    EffectLedgerClient.Recorded recorded =
        ledger.start(
            key,
            topic,
            task.getProcessInstanceId(),
            owner,
            lease,
            task.getId(),
            ActionDigest.of(input));
    if (recorded.refused()) {
      throw new ConnectorBpmnError(APPROVAL_REQUIRED, recorded.result());
    }
    if (recorded.done()) {
      log.info(
          "task {} on {}: effect {} happened before; not acting again", task.getId(), topic, key);
      return binding.variablesFromJson(recorded.result());
    }
    if (!recorded.heldBy(owner)) {
      throw new EffectInProgressException(
          key, recorded.leaseOwner(), Duration.ofMillis(recorded.leaseMillisLeft()));
    }
    held.put(owner, new Held(key, owner, System.currentTimeMillis() + lease.toMillis()));
    try {
      O output;
      try {
        output = tool.act(input, key);
      } catch (RuntimeException e) {
        // the tool gave up: let the next attempt act under the key at once, not after the lease
        giveUp(key, owner);
        throw e;
      }
      recordEffect(key, owner, binding.toJson(output));
      return binding.toVariables(output);
    } finally {
      held.remove(owner);
    }
  }

  /** Renews every lease that runs out within half a lease, for the tools still acting. */
  void renewLeases(long now) {
    for (Held lease : held.values()) {
      if (lease.expiresAt - now < this.lease.toMillis() / 2) {
        try {
          ledger.renew(lease.key, lease.owner, this.lease);
          lease.expiresAt = now + this.lease.toMillis();
        } catch (EffectLedgerClient.LeaseLost lost) {
          held.remove(lease.owner);
          log.warn(
              "lost the lease on effect {} while acting: another attempt took it over", lease.key);
        } catch (RuntimeException e) {
          log.warn("cannot renew the lease on effect {}: {}", lease.key, e.toString());
        }
      }
    }
  }

  private void giveUp(String key, String owner) {
    // a stopping worker interrupts its tools: still tell the ledger, then keep the interrupt
    boolean interrupted = Thread.interrupted();
    try {
      ledger.renew(key, owner, Duration.ZERO);
    } catch (RuntimeException e) {
      log.warn("cannot give up the lease on effect {}: {}", key, e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Records a done effect; retried, because a lost record would let a retry act again. */
  private void recordEffect(String key, String owner, String result) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      try {
        ledger.finish(key, owner, result);
        return;
      } catch (EffectLedgerClient.LeaseLost lost) {
        throw new IllegalStateException(
            "the effect happened, but another attempt took effect " + key + " over meanwhile",
            lost);
      } catch (RuntimeException e) {
        last = e;
        log.warn("cannot record effect {} yet: {}", key, e.toString());
        try {
          Thread.sleep(250L << attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("the effect happened but could not be recorded: " + last, last);
  }

  /** A lease this worker holds while its tool acts. */
  private static final class Held {
    final String key;
    final String owner;
    volatile long expiresAt;

    Held(String key, String owner, long expiresAt) {
      this.key = key;
      this.owner = owner;
      this.expiresAt = expiresAt;
    }
  }
}
