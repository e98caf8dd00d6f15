package io.baton.models.simulator;

import java.time.Duration;
import java.util.List;

/** What the simulator sends back when a rule is chosen. */
public sealed interface Reply {

  /** A chat completion; {@code content} is null when the model calls tools instead. */
  record Completion(String content, List<ToolCall> toolCalls, String finishReason)
      implements Reply {

    public Completion {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }

  /** A tool call the simulated model makes: the tool's name and its arguments as JSON text. */
  public record ToolCall(String name, String arguments) {}

  /** An HTTP error with an OpenAI-style error body; 429 and 503 carry {@code Retry-After}. */
  record Failure(int status, Duration retryAfter) implements Reply {}

  /** Holds the exchange open without answering, so the client's timeout fires. */
  record NoAnswer() implements Reply {}

  /** A 200 whose body is not an OpenAI response at all. */
  record MalformedBody() implements Reply {}
}
