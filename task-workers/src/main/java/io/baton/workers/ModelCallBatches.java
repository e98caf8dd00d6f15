package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.models.ModelCallRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Sends model call records to the engine in batches: one sender takes every record waiting when it
 * is free and sends them in one request ({@code POST /api/model-calls/batch}), so under load one
 * request carries many calls and a lone call waits for nobody. A caller's record is kept when its
 * future completes; a batch the engine does not take fails the futures of all its records.
 */
final class ModelCallBatches {

  private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
  private final Function<List<ModelCallRecord>, JsonNode> send;
  private final int maxBatch;

  /**
   * @param send sends a batch and returns the engine's answer: for each call, its {@code callId}
   *     and whether this was its {@code first} report
   */
  ModelCallBatches(Function<List<ModelCallRecord>, JsonNode> send, int maxBatch) {
    this.send = send;
    this.maxBatch = maxBatch;
    Thread sender = new Thread(this::sendForever, "baton-model-call-batches");
    sender.setDaemon(true);
    sender.start();
  }

  /** Queues the record; the future says whether it was its call's first report. */
  CompletableFuture<Boolean> add(ModelCallRecord call) {
    Pending pending = new Pending(call, new CompletableFuture<>());
    waiting.add(pending);
    return pending.kept();
  }

  private void sendForever() {
    while (!Thread.currentThread().isInterrupted()) {
      List<Pending> batch = new ArrayList<>();
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      waiting.drainTo(batch, maxBatch - 1);
      sendBatch(batch);
    }
  }

  private void sendBatch(List<Pending> batch) {
    try {
      JsonNode answer = send.apply(batch.stream().map(Pending::call).toList());
      Map<String, Boolean> first = new HashMap<>();
      answer.forEach(
          kept -> first.put(kept.path("callId").asText(), kept.path("first").asBoolean()));
      for (Pending pending : batch) {
        Boolean kept = first.get(pending.call().callId());
        if (kept == null) {
          pending
              .kept()
              .completeExceptionally(
                  new IllegalStateException(
                      "the engine's answer to a batch of model calls left out call "
                          + pending.call().callId()));
        } else {
          pending.kept().complete(kept);
        }
      }
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.kept().completeExceptionally(e));
    }
  }

  private record Pending(ModelCallRecord call, CompletableFuture<Boolean> kept) {}
}
