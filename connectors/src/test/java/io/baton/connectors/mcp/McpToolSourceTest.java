package io.baton.connectors.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.agent.AgentTool;
import io.baton.models.mcp.McpProperties;
import io.baton.models.mcp.McpServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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
              tuple("shop_lookup_order", AgentTool.Kind.MCP, "shop/lookup_order", false),
              tuple("shop_issue_refund", AgentTool.Kind.MCP, "shop/issue_refund", true),
              tuple("shop_slow_lookup", AgentTool.Kind.MCP, "shop/slow_lookup", true));
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
      assertThat(source.tools()).hasSize(3);
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

  private static McpProperties.Server server(String url, String token) {
    return new McpProperties.Server(url, token, Map.of(), Duration.ofSeconds(5), List.of());
  }
}
