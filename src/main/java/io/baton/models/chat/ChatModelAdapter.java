package io.baton.models.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.baton.models.AgentMessage;
import io.baton.models.AgentTurn;
import io.baton.models.Answer;
import io.baton.models.AsyncModel;
import io.baton.models.Classification;
import io.baton.models.Draft;
import io.baton.models.Extraction;
import io.baton.models.LabelExamples;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelTask;
import io.baton.models.ModelUnavailableException;
import io.baton.models.Pseudonyms;
import io.baton.models.RenderedPrompt;
import io.baton.models.StrictJson;
import io.baton.models.ToolCall;
import io.baton.models.ToolSpec;
import io.baton.models.Usage;
import io.baton.models.prompts.PromptCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A generative model reached through a langchain4j {@link StreamingChatModel}. Classification,
 * extraction and drafting use Baton's own versioned prompts ({@code baton-classify}, {@code
 * baton-extract}, {@code baton-draft-reply}); the answers are parsed strictly, and an answer that
 * does not parse is a {@link ModelOutputException}, never a result.
 *
 * <p>The streaming client is used for what it does not block: the request is sent, and the answer
 * is read when it arrives, without a thread waiting in between. Partial answers are not used; the
 * complete answer is parsed as a whole. Streaming clients make one attempt per call: retries,
 * fallbacks and back-off are Baton's.
 */
public final class ChatModelAdapter implements AsyncModel {

  private static final ObjectMapper JSON = StrictJson.MAPPER;

  /** The tokens a chat template adds per message and per request, generously counted. */
  private static final int FRAMING_TOKENS = 16;

  private final String name;
  private final String provider;
  private final StreamingChatModel chat;
  private final PromptCatalog prompts;
  private final Integer maxTokens;
  private final boolean jsonMode;
  private final boolean pseudonymize;

  /**
   * @param jsonMode whether the provider has a JSON response mode; without it the prompt alone asks
   *     for JSON
   * @param pseudonymize whether personal data in prompts is replaced by placeholders before it is
   *     sent, and restored in the answer
   */
  public ChatModelAdapter(
      String name,
      String provider,
      StreamingChatModel chat,
      PromptCatalog prompts,
      Integer maxTokens,
      boolean jsonMode,
      boolean pseudonymize) {
    this.name = name;
    this.provider = provider;
    this.chat = chat;
    this.prompts = prompts;
    this.maxTokens = maxTokens;
    this.jsonMode = jsonMode;
    this.pseudonymize = pseudonymize;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public boolean generative() {
    return true;
  }

  @Override
  public CompletionStage<Classification> classifyAsync(ModelTask.Classify task, Executor executor) {
    RenderedPrompt prompt = prompt(task);
    return send(prompt)
        .thenApply(reply -> priced(reply, prompt, () -> classification(task, prompt, reply)));
  }

  private Classification classification(
      ModelTask.Classify task, RenderedPrompt prompt, Reply reply) {
    JsonNode answer = jsonObject(reply.text());
    String label = answer.path("label").asText(null);
    if (task.labels().stream().noneMatch(l -> l.label().equals(label))) {
      throw new ModelOutputException(
          name,
          "answered label '%s', which is not one of %s"
              .formatted(label, task.labels().stream().map(LabelExamples::label).toList()));
    }
    JsonNode confidence = answer.path("confidence");
    if (!confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1) {
      throw new ModelOutputException(name, "answered no confidence between 0 and 1: " + confidence);
    }
    return new Classification(
        label,
        confidence.asDouble(),
        answer.path("rationale").asText(""),
        List.of(),
        name,
        reply.usage(),
        prompt.ref());
  }

  @Override
  public CompletionStage<Draft> draftAsync(ModelTask.DraftReply task, Executor executor) {
    RenderedPrompt prompt = prompt(task);
    return send(prompt)
        .thenApply(
            reply ->
                priced(
                    reply,
                    prompt,
                    () -> {
                      if (reply.text() == null || reply.text().isBlank()) {
                        throw new ModelOutputException(name, "answered an empty reply");
                      }
                      return new Draft(
                          reply.text().strip(), true, 0, name, reply.usage(), prompt.ref());
                    }));
  }

  @Override
  public CompletionStage<Extraction> extractAsync(ModelTask.Extract task, Executor executor) {
    RenderedPrompt prompt = prompt(task);
    return send(prompt)
        .thenApply(reply -> new Extraction(reply.text(), true, name, reply.usage(), prompt.ref()));
  }

  @Override
  public CompletionStage<Answer> askAsync(ModelTask.Ask task, Executor executor) {
    return send(task.prompt())
        .thenApply(
            reply ->
                priced(
                    reply,
                    task.prompt(),
                    () -> {
                      if (task.prompt().json()) {
                        jsonObject(reply.text());
                      }
                      return new Answer(reply.text(), name, reply.usage(), task.prompt().ref());
                    }));
  }

  @Override
  public CompletionStage<AgentTurn> converseAsync(ModelTask.Converse task, Executor executor) {
    Pseudonyms pseudonyms = new Pseudonyms();
    ChatRequest request =
        ChatRequest.builder()
            .messages(conversation(task, pseudonyms))
            .toolSpecifications(task.tools().stream().map(AgentTools::specification).toList())
            .maxOutputTokens(maxTokens)
            .build();
    return send(request, pseudonyms)
        .thenApply(
            reply ->
                priced(
                    reply,
                    task.prompt(),
                    () -> {
                      if (reply.toolCalls().isEmpty()
                          && (reply.text() == null || reply.text().isBlank())) {
                        throw new ModelOutputException(
                            name, "answered neither text nor tool calls");
                      }
                      return new AgentTurn(
                          reply.text(),
                          reply.toolCalls(),
                          name,
                          reply.usage(),
                          task.prompt().ref(),
                          null);
                    }));
  }

  /** The opening prompt, then the conversation since, as langchain4j messages. */
  private List<ChatMessage> conversation(ModelTask.Converse task, Pseudonyms pseudonyms) {
    UnaryOperator<String> outbound = pseudonymize ? pseudonyms::hide : UnaryOperator.identity();
    List<ChatMessage> messages = new ArrayList<>(messages(task.prompt(), pseudonyms));
    for (AgentMessage message : task.messages()) {
      messages.add(AgentTools.chatMessage(message, outbound));
    }
    return messages;
  }

  private CompletableFuture<Reply> send(RenderedPrompt prompt) {
    // personal data stays here: the provider sees placeholders, the answer gets the values back
    Pseudonyms pseudonyms = new Pseudonyms();
    ChatRequest.Builder request =
        ChatRequest.builder().messages(messages(prompt, pseudonyms)).maxOutputTokens(maxTokens);
    if (prompt.json() && jsonMode) {
      request.responseFormat(ResponseFormat.JSON);
    }
    return send(request.build(), pseudonyms);
  }

  private CompletableFuture<Reply> send(ChatRequest request, Pseudonyms pseudonyms) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    // langchain4j sends on this thread; the call notes the provider's Retry-After, if any
    RetryAfterCapture.Call call = RetryAfterCapture.begin();
    try {
      chat.chat(
          request,
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
              // the complete answer is parsed, not the pieces
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              if (response.finishReason() == null && !hasContent(response)) {
                // the stream ended without a completion: a gateway's page or a cut connection,
                // not the model's answer
                reply.completeExceptionally(
                    new ModelUnavailableException(
                        "model '%s' is unavailable: the provider's answer held no completion"
                            .formatted(name),
                        call.retryAfter(),
                        null));
              } else {
                reply.complete(reply(response).restored(pseudonyms));
              }
            }

            @Override
            public void onError(Throwable error) {
              reply.completeExceptionally(ProviderErrors.translate(name, error, call.retryAfter()));
            }
          });
    } catch (RuntimeException e) {
      reply.completeExceptionally(ProviderErrors.translate(name, e, call.retryAfter()));
    } finally {
      RetryAfterCapture.end();
    }
    return reply;
  }

  /** The prompt a task is sent with, filled from the catalogue's templates. */
  private RenderedPrompt prompt(ModelTask task) {
    if (task instanceof ModelTask.Classify classify) {
      List<Map<String, Object>> labels = new ArrayList<>();
      for (LabelExamples label : classify.labels()) {
        labels.add(Map.of("label", label.label(), "examples", label.examples()));
      }
      return prompts
          .get("baton-classify", null)
          .render(
              Map.of(
                  "text",
                  classify.text(),
                  "labels",
                  labels,
                  "context",
                  context(classify.context())));
    }
    if (task instanceof ModelTask.DraftReply draft) {
      return prompts
          .get("baton-draft-reply", null)
          .render(
              Map.of(
                  "text",
                  draft.text(),
                  "candidates",
                  draft.candidates(),
                  "context",
                  context(draft.context())));
    }
    if (task instanceof ModelTask.Extract extract) {
      return prompts
          .get("baton-extract", null)
          .render(
              Map.of(
                  "text", extract.text(),
                  "schema", extract.jsonSchema(),
                  "problems",
                      extract.problems().isEmpty()
                          ? ""
                          : "Your previous answer was wrong: "
                              + String.join("; ", extract.problems())
                              + ". Answer again, fixing exactly these problems."));
    }
    return ((ModelTask.Ask) task).prompt();
  }

  /** The context a task carries, as the last part of the user message; nothing when it has none. */
  private static String context(String context) {
    return context.isBlank() ? "" : "\n\n" + context.strip();
  }

  /** The messages sent; personal data in them is replaced by placeholders unless sent as it is. */
  private List<ChatMessage> messages(RenderedPrompt prompt, Pseudonyms pseudonyms) {
    UnaryOperator<String> outbound = pseudonymize ? pseudonyms::hide : UnaryOperator.identity();
    List<ChatMessage> messages = new ArrayList<>();
    if (prompt.system() != null && !prompt.system().isBlank()) {
      messages.add(SystemMessage.from(outbound.apply(prompt.system())));
    }
    messages.add(UserMessage.from(outbound.apply(prompt.user())));
    return messages;
  }

  /**
   * Bounds the prompt's tokens by its UTF-8 bytes: the tokenizers of these providers cut text into
   * byte sequences, so no token is shorter than a byte. Each message adds a few tokens of framing.
   */
  @Override
  public long promptTokenBound(ModelTask task) {
    long bound = FRAMING_TOKENS;
    if (task instanceof ModelTask.Converse converse) {
      for (ChatMessage message : conversation(converse, new Pseudonyms())) {
        bound += AgentTools.bytes(message) + FRAMING_TOKENS;
      }
      for (ToolSpec tool : converse.tools()) {
        bound += AgentTools.bytes(tool) + FRAMING_TOKENS;
      }
      return bound;
    }
    for (ChatMessage message : messages(prompt(task), new Pseudonyms())) {
      bound += AgentTools.bytes(message) + FRAMING_TOKENS;
    }
    return bound;
  }

  /** Parses an answer; an unusable one fails with what it cost, for the audit and the budget. */
  private static <T> T priced(Reply reply, RenderedPrompt prompt, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ModelOutputException e) {
      throw e.costing(reply.usage(), prompt.ref());
    }
  }

  private static boolean hasContent(ChatResponse response) {
    return response.aiMessage() != null
        && (response.aiMessage().text() != null || response.aiMessage().hasToolExecutionRequests());
  }

  private static Reply reply(ChatResponse response) {
    TokenUsage tokens = response.tokenUsage();
    Usage usage =
        tokens == null
            ? Usage.NONE
            : new Usage(orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()));
    AiMessage message = response.aiMessage();
    return new Reply(
        message == null ? null : message.text(),
        message == null || !message.hasToolExecutionRequests()
            ? List.of()
            : message.toolExecutionRequests().stream()
                .map(call -> new ToolCall(call.id(), call.name(), call.arguments()))
                .toList(),
        usage);
  }

  private JsonNode jsonObject(String text) {
    try {
      JsonNode node = text == null ? null : JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new ModelOutputException(
            name,
            "answered no JSON object (%d characters)".formatted(text == null ? 0 : text.length()));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ModelOutputException(name, "answered malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static int orZero(Integer count) {
    return count == null ? 0 : count;
  }

  private record Reply(String text, List<ToolCall> toolCalls, Usage usage) {

    Reply restored(Pseudonyms pseudonyms) {
      return new Reply(
          pseudonyms.restore(text),
          toolCalls.stream()
              .map(
                  call ->
                      new ToolCall(call.id(), call.name(), pseudonyms.restore(call.arguments())))
              .toList(),
          usage);
    }
  }
}
