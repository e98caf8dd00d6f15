package io.baton.connectors;

/**
 * A connector that changes something outside the process (sends a message, calls an API that
 * writes, stores a record). The runtime records each effect in the effect ledger under an
 * idempotency key (process instance + activity instance): a task that runs again returns the
 * recorded result instead of acting twice. A tool passes the key on to its target where the target
 * can use it, so an attempt cut short while acting is not repeated there either.
 */
public interface ToolConnector<I, O> extends ConnectorFunction<I, O> {

  O act(I input, String idempotencyKey);

  /** Tools act only with an idempotency key; the runtime calls {@link #act}. */
  @Override
  default O apply(I input, TaskContext context) {
    throw new UnsupportedOperationException(
        topic() + " is a tool: it acts with an idempotency key");
  }
}
