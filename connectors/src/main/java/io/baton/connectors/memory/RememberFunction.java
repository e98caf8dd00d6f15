package io.baton.connectors.memory;

import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.TaskContext;
import io.baton.models.Embeddings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps facts about a subject, on topic {@code baton.remember}, with the case they came from, the
 * time and their embedding. Each fact is written under the external task's id and its position, so
 * a retried task (a lock that ran out, a worker that died before completing) writes nothing twice.
 */
@Component
public class RememberFunction implements ConnectorFunction<RememberRequest, RememberResult> {

  private final MemoryStore store;
  private final Embeddings embeddings;
  private final Clock clock;

  @Autowired
  public RememberFunction(MemoryStore store, Embeddings embeddings) {
    this(store, embeddings, Clock.systemUTC());
  }

  RememberFunction(MemoryStore store, Embeddings embeddings, Clock clock) {
    this.store = store;
    this.embeddings = embeddings;
    this.clock = clock;
  }

  @Override
  public String topic() {
    return "baton.remember";
  }

  @Override
  public Class<RememberRequest> inputType() {
    return RememberRequest.class;
  }

  @Override
  public RememberResult apply(RememberRequest request, TaskContext context) {
    List<String> texts = request.texts();
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("remember needs a fact or facts: both are empty");
    }
    if (texts.size() > RememberRequest.MAX_FACTS) {
      throw new IllegalArgumentException(
          "remember keeps at most %d facts per task, not %d"
              .formatted(RememberRequest.MAX_FACTS, texts.size()));
    }
    String task = writeKeyPrefix(context);
    List<float[]> vectors = embeddings.vectors(texts);
    Instant now = clock.instant();
    List<MemoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      entries.add(
          new MemoryEntry(
              task + "#" + i,
              request.memoryKey(),
              request.subject(),
              request.kind(),
              texts.get(i),
              context.processInstanceId(),
              context.businessKey(),
              now,
              vectors.get(i)));
    }
    int written = store.remember(entries);
    return new RememberResult(entries.size(), entries.size() - written);
  }

  /** The external task names the write: it stays the same when the task runs again. */
  private static String writeKeyPrefix(TaskContext context) {
    if (context.taskId() != null) {
      return "task:" + context.taskId();
    }
    if (context.activityInstanceId() != null) {
      return "activity:" + context.activityInstanceId();
    }
    throw new ConnectorIncident(
        "remember runs only for an external task: without its id a retry would write twice");
  }
}
