package io.baton.models;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Waiting for an asynchronous model call where a caller needs the answer now. */
public final class Completions {

  /** Runs work on the calling thread: the synchronous form of an asynchronous call. */
  public static final Executor CALLER = Runnable::run;

  private Completions() {}

  /** The stage a call returns, or a failed stage when the call throws before returning one. */
  public static <T> CompletionStage<T> attempt(Supplier<? extends CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The stage's result, or the exception it failed with, as thrown by the call itself. */
  public static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      throw rethrowable(e.getCause());
    }
  }

  /** What a stage failed with, without the wrapping of {@code CompletableFuture}. */
  public static Throwable cause(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static RuntimeException rethrowable(Throwable error) {
    Throwable cause = cause(error);
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error fatal) {
      throw fatal;
    }
    return new IllegalStateException(cause);
  }
}
