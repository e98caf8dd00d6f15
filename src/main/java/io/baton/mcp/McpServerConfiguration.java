package io.baton.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.security.edge.EdgeProperties;
import io.baton.security.starts.StartRules;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Baton's MCP server: the SDK's Streamable HTTP transport as a servlet at {@value #PATH}, behind
 * the REST authentication and the {@code mcpclients} group check ({@code io.baton.security}), with
 * one tool per process that declares one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpServerProperties.class)
@ConditionalOnProperty(
    name = "baton.mcp.server.enabled",
    havingValue = "true",
    matchIfMissing = true)
class McpServerConfiguration {

  static final String PATH = "/mcp";

  private final McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());

  @Bean
  HttpServletStreamableServerTransportProvider mcpTransport(
      ProcessEngine engine, McpServerProperties properties, EdgeProperties limits) {
    return HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(mapper)
        .mcpEndpoint(PATH)
        .contextExtractor(request -> McpCaller.context(engine.getIdentityService()))
        .securityValidator(
            DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(properties.allowedOrigins())
                .build())
        .maxRequestSize(Math.toIntExact(limits.maxRequestSize().toBytes()))
        .build();
  }

  @Bean
  ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
      HttpServletStreamableServerTransportProvider transport) {
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
        new ServletRegistrationBean<>(transport, PATH);
    registration.setName("baton-mcp");
    registration.setAsyncSupported(true);
    return registration;
  }

  @Bean(destroyMethod = "close")
  McpAsyncServer mcpServer(
      HttpServletStreamableServerTransportProvider transport,
      ProcessEngine engine,
      SchemaCatalog schemas,
      List<StartRules> rules,
      McpServerProperties properties,
      ObjectMapper json) {
    ProcessToolCall call =
        new ProcessToolCall(
            engine.getRuntimeService(),
            engine.getHistoryService(),
            engine.getRepositoryService(),
            engine.getIdentityService(),
            properties,
            json);
    List<AsyncToolSpecification> tools =
        ProcessTools.deployed(engine.getRepositoryService(), schemas, rules).stream()
            .map(tool -> specification(tool, call))
            .toList();
    return McpServer.async(transport)
        .serverInfo("baton", "1")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .jsonMapper(mapper)
        .jsonSchemaValidator(new ProjectSchemaValidator())
        .tools(tools)
        .build();
  }

  private static AsyncToolSpecification specification(ProcessTool tool, ProcessToolCall call) {
    return AsyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .build())
        .callHandler(
            (exchange, request) ->
                McpCaller.of(exchange.transportContext())
                    .map(
                        caller ->
                            call.call(
                                tool,
                                caller,
                                request.arguments() == null ? Map.of() : request.arguments()))
                    .orElseThrow(() -> new IllegalStateException("an MCP call without a caller")))
        .build();
  }
}
