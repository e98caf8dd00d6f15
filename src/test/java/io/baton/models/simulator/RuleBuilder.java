package io.baton.models.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scripts one rule: set the conditions first ({@link #forModel}, {@link #times}, {@link #after},
 * {@link #retryAfter}), then end with the reply, which registers the rule.
 */
public final class RuleBuilder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE_JSON =
      "{\"label\":\"INVOICE\",\"confidence\":0.93,\"reasons\":[\"mentions an amount due\"]}";

  private final OpenAiSimulator simulator;
  private final Consumer<Rule> register;
  private final Match match;
  private String model;
  private int times = Rule.UNLIMITED;
  private Duration latency = Duration.ZERO;
  private Duration retryAfter = Duration.ofSeconds(1);

  RuleBuilder(OpenAiSimulator simulator, Consumer<Rule> register, Match match) {
    this.simulator = simulator;
    this.register = register;
    this.match = match;
  }

  /** Only requests for this model name. */
  public RuleBuilder forModel(String model) {
    this.model = model;
    return this;
  }

  /** Answer only the first {@code n} matching requests; later ones fall through to other rules. */
  public RuleBuilder times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + n);
    }
    this.times = n;
    return this;
  }

  /** Send the reply this late; no thread waits meanwhile. */
  public RuleBuilder after(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** The {@code Retry-After} header of 429 and 503 failures, in whole seconds (default 1 s). */
  public RuleBuilder retryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
    return this;
  }

  public OpenAiSimulator reply(String text) {
    return then(new Reply.Completion(text, List.of(), "stop"));
  }

  public OpenAiSimulator replyJson(String json) {
    return then(new Reply.Completion(requireJson(json), List.of(), "stop"));
  }

  public OpenAiSimulator replyToolCall(String name, String argumentsJson) {
    return replyToolCalls(new Reply.ToolCall(name, argumentsJson));
  }

  /** Several tool calls in one answer, as a model that calls tools in parallel makes them. */
  public OpenAiSimulator replyToolCalls(Reply.ToolCall... calls) {
    List<Reply.ToolCall> checked = new ArrayList<>();
    for (Reply.ToolCall call : calls) {
      checked.add(new Reply.ToolCall(call.name(), requireJson(call.arguments())));
    }
    return then(new Reply.Completion(null, checked, "tool_calls"));
  }

  /** Valid JSON that does not fit what was asked for; the same as {@link #replyJson}. */
  public OpenAiSimulator wrongSchema(String json) {
    return replyJson(json);
  }

  /** A JSON document cut in the middle, as when the model hits its token limit. */
  public OpenAiSimulator truncatedJson() {
    return truncatedJson(SAMPLE_JSON);
  }

  public OpenAiSimulator truncatedJson(String json) {
    return then(new Reply.Completion(json.substring(0, json.length() / 2), null, "length"));
  }

  /** Content that is prose, not JSON, as a model that ignores JSON mode would answer. */
  public OpenAiSimulator malformedJson() {
    return then(
        new Reply.Completion(
            "Sure! The message is about an invoice, I am fairly sure.", null, "stop"));
  }

  /** An HTTP error status with an OpenAI-style error body. */
  public OpenAiSimulator failWith(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("failWith takes a 4xx or 5xx status, was " + status);
    }
    return then(new Reply.Failure(status, retryAfter));
  }

  /** Never answers within any sensible client timeout; the exchange is closed later. */
  public OpenAiSimulator timeout() {
    return then(new Reply.NoAnswer());
  }

  /** HTTP 200 whose body is not an OpenAI response, as from a misconfigured gateway. */
  public OpenAiSimulator malformedResponse() {
    return then(new Reply.MalformedBody());
  }

  private OpenAiSimulator then(Reply reply) {
    register.accept(new Rule(match, model, times, latency, reply));
    return simulator;
  }

  private static String requireJson(String json) {
    try {
      JSON.readTree(json);
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON: " + json + "; use truncatedJson() or malformedJson() for broken JSON",
          e);
    }
  }
}
