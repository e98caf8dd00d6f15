package io.baton.connectors.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.agent.AgentTool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The tools of a real MCP server (MCP Java SDK, Streamable HTTP) as agent tools. */
@ExtendWith(OutputCaptureExtension.class)
class McpToolSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static McpTestServer shop;

  @BeforeAll
  static void startServer() {
    shop = McpTestServer.start();
  }

  @AfterAll
  static void stopServer() {
    shop.close();
  }

  @Test
  void should_list_the_servers_tools_with_their_schemas_and_approval() throws Exception {
    McpServers servers = new McpServers(shop.properties("lookup_order"));
    try {
      List<AgentTool> tools = new McpToolSource(servers).tools();

      assertThat(tools)
          .extracting(AgentTool::name, AgentTool::kind, AgentTool::target, AgentTool::needsApproval)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  "shop_lookup_order", AgentTool.Kind.MCP, "shop/lookup_order", false),
              org.assertj.core.groups.Tuple.tuple(
                  "shop_issue_refund", AgentTool.Kind.MCP, "shop/issue_refund", true));
      AgentTool lookup =
          tools.stream()
              .filter(t -> t.name().equals("shop_lookup_order"))
              .findFirst()
              .orElseThrow();
      assertThat(lookup.description()).isEqualTo("Looks up an order's status");
      JsonNode schema = JSON.readTree(lookup.inputSchema());
      assertThat(schema.path("required")).hasToString("[\"orderId\"]");
      // the server's schema as it is: keywords the client's own tool specification drops are kept
      assertThat(schema.at("/properties/orderId/pattern").asText()).isEqualTo("^O-[0-9]+$");
      assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
      assertThat(tools).allMatch(t -> McpToolSource.TOOL_NAME.matcher(t.name()).matches());
    } finally {
      servers.destroy();
    }
  }

  @Test
  void should_need_approval_for_every_tool_not_listed(CapturedOutput output) {
    McpServers servers = new McpServers(shop.properties("issue_refnud"));
    try {
      assertThat(new McpToolSource(servers).tools()).allMatch(AgentTool::needsApproval);
      assertThat(output)
          .contains(
              "MCP server 'shop' offers no tool 'issue_refnud', which"
                  + " BATON_MCP_SERVERS_SHOP_WITHOUT_APPROVAL")
          .contains("tool 'daily.report' is left out: 'shop_daily.report' is no model tool name");
    } finally {
      servers.destroy();
    }
  }

  @Test
  void should_leave_out_the_tools_of_a_server_that_is_down_and_say_why(CapturedOutput output) {
    McpProperties properties =
        new McpProperties(
            Map.of(
                "shop", shop.properties().servers().get("shop"),
                "erp", server(McpTestServer.nowhere(), McpTestServer.TOKEN)),
            Duration.ofSeconds(30));
    McpServers servers = new McpServers(properties);
    try {
      McpToolSource source = new McpToolSource(servers);

      assertThat(source.tools()).extracting(AgentTool::name).allMatch(n -> n.startsWith("shop_"));
      assertThat(source.tools()).hasSize(2);
      assertThat(output)
          .containsOnlyOnce("connecting to MCP server 'erp' at")
          .contains("is it running? check BATON_MCP_SERVERS_ERP_URL")
          .contains("its tools are left out until it answers");
    } finally {
      servers.destroy();
    }
  }

  @Test
  void should_name_the_token_variable_when_the_server_refuses_the_credentials(
      CapturedOutput output) {
    McpServers servers =
        new McpServers(
            new McpProperties(
                Map.of("shop", server(shop.url(), "wrong-token")), Duration.ofSeconds(30)));
    try {
      assertThat(new McpToolSource(servers).tools()).isEmpty();
      assertThat(output)
          .contains("401")
          .contains("check its credentials: BATON_MCP_SERVERS_SHOP_BEARER_TOKEN");
    } finally {
      servers.destroy();
    }
  }

  @Test
  void should_bind_servers_from_the_environment_and_need_approval_by_default() {
    Map<String, Object> environment =
        Map.of(
            "BATON_MCP_SERVERS_SHOP_URL", "https://shop.example.com/mcp",
            "BATON_MCP_SERVERS_SHOP_BEARER_TOKEN", "t0ken",
            "BATON_MCP_SERVERS_SHOP_WITHOUT_APPROVAL", "lookup_order,list_orders",
            "BATON_MCP_SERVERS_ERP_URL", "http://erp:8080/mcp",
            "BATON_MCP_SERVERS_ERP_TIMEOUT", "5s");

    McpProperties mcp = bind(environment);

    assertThat(mcp.servers()).containsOnlyKeys("shop", "erp");
    assertThat(mcp.servers().get("shop").bearerToken()).isEqualTo("t0ken");
    assertThat(mcp.servers().get("shop").needsApproval("lookup_order")).isFalse();
    assertThat(mcp.servers().get("shop").needsApproval("issue_refund")).isTrue();
    assertThat(mcp.servers().get("shop").timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(mcp.servers().get("shop").toString()).doesNotContain("t0ken");
    assertThat(mcp.servers().get("erp").needsApproval("lookup_order")).isTrue();
    assertThat(mcp.servers().get("erp").timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(mcp.toolListTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void should_refuse_a_server_without_url_naming_its_variable() {
    assertThatThrownBy(() -> bind(Map.of("BATON_MCP_SERVERS_SHOP_TIMEOUT", "5s")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("MCP server 'shop' has no url: set BATON_MCP_SERVERS_SHOP_URL");
    assertThatThrownBy(
            () ->
                new McpProperties(
                    Map.of("shop_eu", server("http://shop/mcp", null)), Duration.ofSeconds(1)))
        .hasMessageContaining("MCP server name 'shop_eu' must be 1 to 40 letters, digits or -");
    assertThatThrownBy(
            () ->
                new McpProperties(
                    Map.of("shop", server("file:///etc/passwd", null)), Duration.ofSeconds(1)))
        .hasMessageContaining("must be an http or https URL");
  }

  private static McpProperties.Server server(String url, String token) {
    return new McpProperties.Server(url, token, Map.of(), Duration.ofSeconds(5), List.of());
  }

  private static McpProperties bind(Map<String, Object> environment) {
    return new Binder(
            ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
        .bindOrCreate("baton.mcp", McpProperties.class);
  }
}
