package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.MemoryStore;
import io.baton.connectors.memory.StoredMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A standalone worker's long-term memory: it has no database, so it asks the engine ({@code POST
 * /api/memory/entries} and {@code .../similar}). Entries are kept once by their write key, so a
 * request whose answer was lost is sent again. The engine's refusal of an unknown memory key or a
 * bad entry comes back as an {@link IllegalArgumentException} with its reason.
 */
final class RestMemoryStore implements MemoryStore {

  private final EngineClient engine;

  RestMemoryStore(EngineClient engine) {
    this.engine = engine;
  }

  @Override
  public int remember(List<MemoryEntry> entries) {
    JsonNode answer =
        answer(engine.postKeptOnce("/memory/entries", entries, "remember"), "remember");
    return answer.path("written").asInt();
  }

  @Override
  public List<StoredMemory> similar(String memoryKey, String subject, float[] query, int limit) {
    Map<String, Object> body =
        Map.of("memoryKey", memoryKey, "subject", subject, "vector", query, "limit", limit);
    JsonNode answer = answer(engine.postKeptOnce("/memory/similar", body, "recall"), "recall");
    List<StoredMemory> memories = new ArrayList<>();
    for (JsonNode memory : answer) {
      memories.add(
          new StoredMemory(
              memory.path("kind").asText(),
              memory.path("text").asText(),
              memory.path("tokens").asInt(),
              memory.path("sourceProcessInstanceId").asText(null),
              memory.path("sourceBusinessKey").asText(null),
              Instant.parse(memory.path("rememberedAt").asText()),
              memory.path("similarity").asDouble()));
    }
    return memories;
  }

  private static JsonNode answer(EngineClient.Answer answer, String what) {
    if (answer.status() == 400) {
      throw new IllegalArgumentException(answer.json().path("detail").asText(answer.body()));
    }
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "cannot %s: the engine answered HTTP %d %s"
              .formatted(what, answer.status(), answer.body()));
    }
    return answer.json();
  }
}
