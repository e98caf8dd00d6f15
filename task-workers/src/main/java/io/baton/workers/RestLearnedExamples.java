package io.baton.workers;

import com.fasterxml.jackson.databind.JsonNode;
import io.baton.models.LearnedExamples;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone worker's examples learned from reviewers: read from the engine ({@code GET
 * /api/learned-examples?labelSet=...}) and kept for {@code refresh}, so a correction reaches the
 * worker's local model within that time without a request per classification. When the engine
 * cannot be asked, the examples read last are used (and the log says so); without any, the
 * classification fails and its task is retried.
 */
final class RestLearnedExamples implements LearnedExamples {

  private static final Logger log = LoggerFactory.getLogger(RestLearnedExamples.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final EngineClient engine;
  private final long refreshNanos;
  private final LongSupplier clock;
  private final Map<String, Read> read = new ConcurrentHashMap<>();

  private record Read(List<LearnedExample> examples, long at) {}

  RestLearnedExamples(EngineClient engine, Duration refresh) {
    this(engine, refresh, System::nanoTime);
  }

  RestLearnedExamples(EngineClient engine, Duration refresh, LongSupplier clock) {
    this.engine = engine;
    this.refreshNanos = refresh.toNanos();
    this.clock = clock;
  }

  @Override
  public List<LearnedExample> of(String labelSet) {
    Read last = read.get(labelSet);
    long now = clock.getAsLong();
    if (last != null && now - last.at() < refreshNanos) {
      return last.examples();
    }
    try {
      List<LearnedExample> examples = fetch(labelSet);
      read.put(labelSet, new Read(examples, now));
      return examples;
    } catch (IllegalStateException unavailable) {
      if (last == null) {
        throw unavailable;
      }
      log.warn(
          "using the examples of label set '{}' learned until {} s ago: {}",
          labelSet,
          Duration.ofNanos(now - last.at()).toSeconds(),
          unavailable.getMessage());
      return last.examples();
    }
  }

  private List<LearnedExample> fetch(String labelSet) {
    String path =
        "/learned-examples?labelSet=" + URLEncoder.encode(labelSet, StandardCharsets.UTF_8);
    EngineClient.Answer answer = engine.send("GET", path, null, TIMEOUT);
    if (answer.status() != 200 || !answer.json().isArray()) {
      throw new IllegalStateException(
          "cannot read the learned examples of label set '%s': the engine answered HTTP %d %s"
              .formatted(labelSet, answer.status(), answer.body()));
    }
    List<LearnedExample> examples = new ArrayList<>();
    for (JsonNode example : answer.json()) {
      examples.add(
          new LearnedExample(
              example.path("id").asLong(),
              example.path("label").asText(),
              example.path("text").asText()));
    }
    return List.copyOf(examples);
  }
}
