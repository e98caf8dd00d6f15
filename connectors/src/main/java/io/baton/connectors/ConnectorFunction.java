package io.baton.connectors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One connector: runs on external-task topic {@link #topic()}, takes an {@code I} and returns an
 * {@code O}. Input records carry Jakarta validation annotations; the runtime validates them before
 * {@link #apply} is called. Output record components become process variables of the same name.
 */
public interface ConnectorFunction<I, O> {

  String topic();

  Class<I> inputType();

  O apply(I input, TaskContext context);

  /**
   * Runs the connector without holding the caller's thread. The default runs {@link #apply} on the
   * given executor; a connector that waits on the network (a remote model, an HTTP tool) overrides
   * it with a non-blocking call, so thousands of calls can be in flight on a few threads.
   */
  default CompletionStage<O> applyAsync(I input, TaskContext context, Executor executor) {
    return CompletableFuture.supplyAsync(() -> apply(input, context), executor);
  }
}
