package io.baton.models.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.McpClientListener;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.protocol.McpListToolsRequest;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured MCP server, reached through langchain4j's MCP client over Streamable HTTP. The
 * client is opened on first use and opened again after the server failed to answer, so a server
 * that was down when Baton started is used once it is up. Its tool list is kept for a short while,
 * and so is the reason it could not be had.
 */
public final class McpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(McpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code _meta} entry that carries a call's idempotency key to the server. */
  public static final String IDEMPOTENCY_KEY_META = "io.baton/idempotency-key";

  private static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /**
   * Where a call's answer is put when the client reports it to {@link #ANSWER_LISTENER}: the client
   * throws the same exception for a tool error (the server answered) as for a lost connection (it
   * did not), and only the first one is reported as an answer.
   */
  private static final String ANSWERED = "answered";

  private static final McpClientListener ANSWER_LISTENER =
      new McpClientListener() {
        @Override
        public void afterExecuteTool(
            McpCallContext context, ToolExecutionResult result, Map<String, Object> raw) {
          if (context.invocationContext() != null) {
            AtomicReference<ToolExecutionResult> answered =
                context.invocationContext().invocationParameters().get(ANSWERED);
            if (answered != null) {
              answered.set(result);
            }
          }
        }
      };

  /**
   * Ids of this class's own {@code tools/list} requests, far from the client's (which count from
   * 0), since both share the client's table of open requests.
   */
  private static final AtomicLong LIST_IDS = new AtomicLong(1L << 40);

  /** The client answers a call it gave up waiting for with this text; no server says it. */
  private final String timedOut = "baton: no answer in time " + UUID.randomUUID();

  private final String name;
  private final McpProperties.Server settings;
  private final Duration listTtl;
  private Open open;
  private Listing listing;

  McpServer(String name, McpProperties.Server settings, Duration listTtl) {
    this.name = name;
    this.settings = settings;
    this.listTtl = listTtl;
  }

  public String name() {
    return name;
  }

  public McpProperties.Server settings() {
    return settings;
  }

  /** A tool as the server lists it; the input schema is the server's, as JSON text. */
  public record Tool(String name, String description, String inputSchema) {}

  /** What a tool answered: its text, and whether the server marked it as an error. */
  public record Answer(String text, boolean isError) {}

  /**
   * The server's tools, from a list at most {@code tool-list-ttl} old.
   *
   * @throws McpUnavailableException when the server did not answer (then or within the ttl)
   */
  public synchronized List<Tool> tools() {
    long now = System.nanoTime();
    if (listing == null || now - listing.at > listTtl.toNanos()) {
      try {
        listing = new Listing(now, fetchTools(), null);
      } catch (McpUnavailableException e) {
        listing = new Listing(now, List.of(), e);
        log.warn("{}; its tools are left out until it answers", e.getMessage());
      }
    }
    if (listing.failure != null) {
      throw listing.failure;
    }
    return listing.tools;
  }

  /**
   * Calls a tool once.
   *
   * @throws McpUnavailableException when the server did not answer: the call may be tried again
   */
  public Answer call(String tool, String arguments, String idempotencyKey) {
    String what = "tools/call of '%s' on MCP server '%s'".formatted(tool, name);
    AtomicReference<ToolExecutionResult> answered = new AtomicReference<>();
    ToolExecutionResult result;
    try {
      result =
          open()
              .client()
              .executeTool(
                  ToolExecutionRequest.builder().name(tool).arguments(arguments).build(),
                  InvocationContext.builder()
                      .invocationParameters(
                          new InvocationParameters(
                              Map.of(IDEMPOTENCY_KEY, idempotencyKey, ANSWERED, answered)))
                      .build());
    } catch (ToolArgumentsException e) {
      return new Answer(protocolError(e.getMessage(), e.errorCode()), true);
    } catch (ToolExecutionException e) {
      if (answered.get() != null) {
        // the server answered with a tool error (isError)
        return new Answer(answered.get().resultText(), true);
      }
      if (e.errorCode() != null) {
        return new Answer(protocolError(e.getMessage(), e.errorCode()), true);
      }
      throw unreachable(what, e.getCause());
    }
    if (timedOut.equals(result.resultText())) {
      throw new McpUnavailableException(
          "%s had no answer within %s (%s)".formatted(what, settings.timeout(), setting("timeout")),
          null);
    }
    return new Answer(result.resultText(), result.isError());
  }

  private static String protocolError(String message, Integer code) {
    return "%s (JSON-RPC error %s)".formatted(message, code);
  }

  private List<Tool> fetchTools() {
    Open current = open();
    List<Tool> tools = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode result = listPage(current, cursor);
      for (JsonNode tool : result.path("tools")) {
        tools.add(
            new Tool(
                tool.path("name").asText(),
                tool.path("description").asText(""),
                tool.path("inputSchema").toString()));
      }
      cursor = result.path("nextCursor").isTextual() ? result.path("nextCursor").asText() : null;
    } while (cursor != null && !cursor.isEmpty());
    return List.copyOf(tools);
  }

  /**
   * One page of {@code tools/list}, sent through the client's own transport and session. Not {@code
   * client.listTools()}: its tool specifications drop the schema keywords (minimum, pattern,
   * maxLength, ...) that the arguments of every call are checked against.
   */
  private JsonNode listPage(Open current, String cursor) {
    String what = "tools/list of MCP server '%s' at %s".formatted(name, settings.url());
    JsonNode response;
    try {
      response =
          current
              .transport()
              .executeOperationWithResponse(
                  new McpCallContext(
                      null, new McpListToolsRequest(LIST_IDS.getAndIncrement(), cursor)))
              .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unreachable(what, e.getCause());
    } catch (TimeoutException e) {
      throw unreachable(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpUnavailableException("interrupted during " + what, e);
    }
    if (response.has("error")) {
      throw new McpUnavailableException(
          "%s failed: %s".formatted(what, response.path("error").path("message").asText()), null);
    }
    return response.path("result");
  }

  private synchronized Open open() {
    if (open == null) {
      StreamableHttpMcpTransport transport =
          StreamableHttpMcpTransport.builder()
              .url(settings.url())
              .timeout(settings.timeout())
              .customHeaders(headers())
              .build();
      try {
        open = new Open(client(transport), transport);
      } catch (RuntimeException e) {
        closeQuietly(transport);
        throw unreachable("connecting to MCP server '%s' at %s".formatted(name, settings.url()), e);
      }
    }
    return open;
  }

  private DefaultMcpClient client(StreamableHttpMcpTransport transport) {
    return DefaultMcpClient.builder()
        .key(name)
        .clientName("baton")
        .transport(transport)
        .initializationTimeout(settings.timeout())
        .toolExecutionTimeout(settings.timeout())
        .toolExecutionTimeoutErrorMessage(timedOut)
        .toolResultExtractor(new ContentText())
        .addListener(ANSWER_LISTENER)
        .metaSupplier(
            context ->
                context == null || context.invocationContext() == null
                    ? Map.of()
                    : idempotencyMeta(context.invocationContext()))
        // a failure drops the client and the next use opens another: no background pings
        .autoHealthCheck(false)
        .cacheToolList(false)
        .build();
  }

  private static Map<String, Object> idempotencyMeta(InvocationContext context) {
    Object key = context.invocationParameters().get(IDEMPOTENCY_KEY);
    return key == null ? Map.of() : Map.of(IDEMPOTENCY_KEY_META, key);
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>(settings.headers());
    if (settings.bearerToken() != null) {
      headers.put("Authorization", "Bearer " + settings.bearerToken());
    }
    return headers;
  }

  /** The server did not answer: says why, and drops the client so the next use connects anew. */
  private McpUnavailableException unreachable(String what, Throwable cause) {
    closeQuietly();
    Throwable root = cause;
    while (root.getCause() != null
        && (root instanceof ExecutionException
            || root instanceof java.util.concurrent.CompletionException
            || root.getClass() == RuntimeException.class)) {
      root = root.getCause();
    }
    String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.toString();
    String advice =
        reason.contains("401") || reason.contains("403")
            ? "; check its credentials: " + setting("bearer-token") + " or headers"
            : root instanceof TimeoutException
                ? "; it had " + settings.timeout() + " (" + setting("timeout") + ")"
                : "; is it running? check " + setting("url");
    return new McpUnavailableException("%s failed: %s%s".formatted(what, reason, advice), cause);
  }

  private String setting(String setting) {
    return McpProperties.setting(name, setting);
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private synchronized void closeQuietly() {
    if (open != null) {
      closeQuietly(open.client());
      open = null;
    }
  }

  private void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("closing the client of MCP server '{}': {}", name, e.toString());
    }
  }

  /** An open client and the transport it talks through. */
  private record Open(DefaultMcpClient client, StreamableHttpMcpTransport transport) {}

  /** A tool list, or why there is none, and when it was asked for. */
  private record Listing(long at, List<Tool> tools, McpUnavailableException failure) {}
}
