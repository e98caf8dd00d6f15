package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Sends one kind of request to the engine in batches: one sender takes everything waiting when it
 * is free and sends it in one request, so under load one request carries many calls' reports,
 * reservations or admissions, and a lone one waits for nobody. The engine answers with one element
 * per item, in order, each naming the item's {@code callId}; a caller's future completes with its
 * element. A batch the engine does not take fails the futures of all its items.
 */
final class EngineBatches<T> {

  private final BlockingQueue<Pending<T>> waiting = new LinkedBlockingQueue<>();
  private final Function<List<T>, JsonNode> send;
  private final Function<T, String> callId;
  private final int maxBatch;

  /**
   * @param what names the requests, for the sender thread's name
   * @param send sends a batch and returns the engine's answer, an array with an element per item
   * @param callId the id of the call an item is about, which its answer element names
   */
  EngineBatches(
      String what, Function<List<T>, JsonNode> send, Function<T, String> callId, int maxBatch) {
    this.send = send;
    this.callId = callId;
    this.maxBatch = maxBatch;
    Thread sender = new Thread(this::sendForever, "baton-batches-" + what);
    sender.setDaemon(true);
    sender.start();
  }

  /** Queues the item; the future completes with the engine's answer to it. */
  CompletableFuture<JsonNode> add(T item) {
    Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
    waiting.add(pending);
    return pending.answer();
  }

  private void sendForever() {
    while (!Thread.currentThread().isInterrupted()) {
      List<Pending<T>> batch = new ArrayList<>();
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

  private void sendBatch(List<Pending<T>> batch) {
    try {
      JsonNode answer = send.apply(batch.stream().map(Pending::item).toList());
      for (int i = 0; i < batch.size(); i++) {
        Pending<T> pending = batch.get(i);
        String id = callId.apply(pending.item());
        JsonNode element = answer.path(i);
        if (id.equals(element.path("callId").asText(null))) {
          pending.answer().complete(element);
        } else {
          pending
              .answer()
              .completeExceptionally(
                  new IllegalStateException(
                      "the engine's answer to a batch of %d left out call %s (element %d names %s)"
                          .formatted(batch.size(), id, i, element.path("callId").asText("none"))));
        }
      }
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.answer().completeExceptionally(e));
    }
  }

  private record Pending<T>(T item, CompletableFuture<JsonNode> answer) {}
}
