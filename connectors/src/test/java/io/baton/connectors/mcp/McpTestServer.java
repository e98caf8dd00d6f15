package io.baton.connectors.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.models.mcp.McpProperties;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server for tests: the MCP Java SDK's Streamable HTTP servlet transport in an embedded
 * Tomcat, offering a shop's tools. {@code lookup_order} reads (structured content); {@code
 * issue_refund} changes something and counts its calls (an order id {@code O-404} is a tool error);
 * {@code daily.report} has a name no model accepts; {@code slow_lookup} answers after a second.
 * Requests without the bearer token are refused.
 */
public final class McpTestServer implements AutoCloseable {

  public static final String TOKEN = "test-token";

  private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

  private final Tomcat tomcat;
  private final McpSyncServer server;
  private final int port;
  private final AtomicInteger refunds = new AtomicInteger();
  private final List<String> refundKeys = new CopyOnWriteArrayList<>();

  private McpTestServer() throws IOException, LifecycleException {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(JSON)
            .mcpEndpoint("/mcp")
            .build();
    server =
        McpServer.sync(transport)
            .serverInfo("shop", "1.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .jsonMapper(JSON)
            // the SDK's own validator needs json-schema-validator 2.x; these tools declare no
            // output schema, so nothing is validated
            .jsonSchemaValidator(
                (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
            .strictToolNameValidation(false)
            .tools(lookupOrder(), issueRefund(), dailyReport(), slowLookup())
            .build();
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("mcp-test-server").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
    servlet.setAsyncSupported(true);
    context.addServletMappingDecoded("/mcp", "mcp");
    addFilter(context, bearerToken());
    tomcat.start();
    port = connector.getLocalPort();
  }

  public static McpTestServer start() {
    try {
      return new McpTestServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/mcp";
  }

  /** How often {@code issue_refund} acted. */
  public int refunds() {
    return refunds.get();
  }

  /** The idempotency keys the refunds came with ({@code _meta}). */
  public List<String> refundKeys() {
    return List.copyOf(refundKeys);
  }

  /** The configuration of a server named {@code shop} at this one, with the token. */
  public McpProperties properties(String... withoutApproval) {
    return propertiesAt(url(), withoutApproval);
  }

  /** The configuration of a server named {@code shop} at a URL, with the token. */
  public static McpProperties propertiesAt(String url, String... withoutApproval) {
    return new McpProperties(
        Map.of(
            "shop",
            new McpProperties.Server(
                url, TOKEN, Map.of(), Duration.ofSeconds(5), List.of(withoutApproval))),
        Duration.ofSeconds(30));
  }

  /** A URL where no server listens. */
  public static String nowhere() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/mcp";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.closeGracefully();
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SyncToolSpecification lookupOrder() {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name("lookup_order")
                .description("Looks up an order's status")
                .inputSchema(
                    JSON,
                    """
                    {"type": "object",
                     "properties": {"orderId": {"type": "string", "pattern": "^O-[0-9]+$"}},
                     "required": ["orderId"], "additionalProperties": false}
                    """)
                .build())
        .callHandler(
            (exchange, request) ->
                CallToolResult.builder()
                    .structuredContent(
                        Map.of("orderId", request.arguments().get("orderId"), "status", "shipped"))
                    .addTextContent("shipped")
                    .build())
        .build();
  }

  private SyncToolSpecification issueRefund() {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name("issue_refund")
                .description("Refunds an amount of an order")
                .inputSchema(
                    JSON,
                    """
                    {"type": "object",
                     "properties": {"orderId": {"type": "string"},
                                    "amount": {"type": "number", "exclusiveMinimum": 0,
                                               "maximum": 1000}},
                     "required": ["orderId", "amount"]}
                    """)
                .build())
        .callHandler(
            (exchange, request) -> {
              if ("O-404".equals(request.arguments().get("orderId"))) {
                return CallToolResult.builder()
                    .addTextContent("no order O-404")
                    .isError(true)
                    .build();
              }
              refunds.incrementAndGet();
              Object key =
                  request.meta() == null ? null : request.meta().get("io.baton/idempotency-key");
              refundKeys.add(String.valueOf(key));
              return CallToolResult.builder()
                  .addTextContent("refunded " + request.arguments().get("amount"))
                  .addContent(new McpSchema.ImageContent(null, "aGk=", "image/png"))
                  .build();
            })
        .build();
  }

  private static SyncToolSpecification dailyReport() {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name("daily.report")
                .description("A name with a dot, which models do not accept")
                .inputSchema(JSON, "{\"type\": \"object\"}")
                .build())
        .callHandler((exchange, request) -> CallToolResult.builder().addTextContent("").build())
        .build();
  }

  private static SyncToolSpecification slowLookup() {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name("slow_lookup")
                .description("Answers after a second")
                .inputSchema(JSON, "{\"type\": \"object\"}")
                .build())
        .callHandler(
            (exchange, request) -> {
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return CallToolResult.builder().addTextContent("late").build();
            })
        .build();
  }

  private static Filter bearerToken() {
    return (request, response, chain) -> {
      String authorization = ((HttpServletRequest) request).getHeader("Authorization");
      if (!("Bearer " + TOKEN).equals(authorization)) {
        ((HttpServletResponse) response).sendError(401);
        return;
      }
      chain.doFilter(request, response);
    };
  }

  private static void addFilter(Context context, Filter filter) {
    FilterDef definition = new FilterDef();
    definition.setFilterName("bearer-token");
    definition.setFilter(filter);
    definition.setAsyncSupported("true");
    context.addFilterDef(definition);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("bearer-token");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
  }
}
