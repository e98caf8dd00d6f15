package io.baton.models.simulator;

import java.time.Duration;

/** What the simulator sends back when a rule is chosen. */
sealed interface Reply {

  /** A chat completion; {@code content} is null when the model calls a tool instead. */
  record Completion(String content, ToolCall toolCall, String finishReason) implements Reply {}

  record ToolCall(String name, String arguments) {}

  /** An HTTP error with an OpenAI-style error body; 429 and 503 carry {@code Retry-After}. */
  record Failure(int status, Duration retryAfter) implements Reply {}

  /** Holds the exchange open without answering, so the client's timeout fires. */
  record NoAnswer() implements Reply {}

  /** A 200 whose body is not an OpenAI response at all. */
  record MalformedBody() implements Reply {}
}
