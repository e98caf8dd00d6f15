package io.baton.connectors.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.models.mcp.McpProperties;
import io.baton.models.mcp.McpServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code mcp-call} tool against a real MCP server (MCP Java SDK, Streamable HTTP). */
class McpCallFunctionTest {

  private static McpTestServer shop;
  private static McpServers servers;
  private static McpCallFunction mcp;

  @BeforeAll
  static void start() {
    shop = McpTestServer.start();
    servers = new McpServers(shop.properties());
    mcp = new McpCallFunction(servers);
  }

  @AfterAll
  static void stop() {
    servers.destroy();
    shop.close();
  }

  @Test
  void should_answer_structured_content_as_json_text() {
    McpCallResult result =
        mcp.act(new McpCallRequest("shop/lookup_order", Map.of("orderId", "O-7")), "pi:a1");

    assertThat(result.isError()).isFalse();
    assertThat(result.result())
        .isIn(
            "{\"orderId\":\"O-7\",\"status\":\"shipped\"}",
            "{\"status\":\"shipped\",\"orderId\":\"O-7\"}");
  }

  @Test
  void should_call_the_tool_with_the_idempotency_key_and_join_its_content() {
    int before = shop.refunds();

    McpCallResult result =
        mcp.act(
            new McpCallRequest("shop/issue_refund", Map.of("orderId", "O-1", "amount", 10)),
            "pi-1:refund-1");

    assertThat(result.result()).isEqualTo("refunded 10\n[image content image/png]");
    assertThat(shop.refunds()).isEqualTo(before + 1);
    assertThat(shop.refundKeys()).endsWith("pi-1:refund-1");
  }

  @Test
  void should_refuse_arguments_that_do_not_fit_the_schema_before_the_server_sees_them() {
    int before = shop.refunds();

    assertThatThrownBy(
            () ->
                mcp.act(
                    new McpCallRequest("shop/issue_refund", Map.of("orderId", "O-1", "amount", -5)),
                    "pi-2:refund"))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            error -> {
              assertThat(error.code()).isEqualTo(McpCallFunction.MCP_INVALID_ARGUMENTS);
              assertThat(error.getMessage())
                  .startsWith("arguments of shop/issue_refund do not fit its input schema")
                  .contains("amount");
              assertThat(error.variables()).containsEntry("isError", true);
            });
    assertThatThrownBy(
            () ->
                mcp.act(
                    new McpCallRequest("shop/lookup_order", Map.of("orderId", "7; DROP")),
                    "pi-3:lookup"))
        .hasMessageContaining("orderId");
    assertThat(shop.refunds()).isEqualTo(before);
  }

  @Test
  void should_raise_a_tool_error_with_the_servers_message() {
    assertThatThrownBy(
            () ->
                mcp.act(
                    new McpCallRequest(
                        "shop/issue_refund", Map.of("orderId", "O-404", "amount", 1)),
                    "pi-4:refund"))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            error -> {
              assertThat(error.code()).isEqualTo(McpCallFunction.MCP_TOOL_ERROR);
              assertThat(error.getMessage()).contains("no order O-404");
              assertThat(error.variables())
                  .containsEntry("result", "no order O-404")
                  .containsEntry("isError", true);
            });
  }

  @Test
  void should_retry_later_when_the_server_does_not_answer() {
    McpServers down = new McpServers(McpTestServer.propertiesAt(McpTestServer.nowhere()));
    try {
      assertThatThrownBy(
              () ->
                  new McpCallFunction(down)
                      .act(
                          new McpCallRequest(
                              "shop/issue_refund", Map.of("orderId", "O-1", "amount", 1)),
                          "pi-5:refund"))
          .isInstanceOf(RetryLaterException.class)
          .hasMessageContaining("connecting to MCP server 'shop'")
          .hasMessageContaining("BATON_MCP_SERVERS_SHOP_URL");
    } finally {
      down.destroy();
    }
  }

  @Test
  void should_retry_later_when_the_server_goes_away_between_listing_and_calling() {
    McpTestServer gone = McpTestServer.start();
    McpServers goneServers = new McpServers(gone.properties());
    try {
      McpCallFunction function = new McpCallFunction(goneServers);
      function.act(new McpCallRequest("shop/lookup_order", Map.of("orderId", "O-1")), "pi-7:a");
      gone.close();

      assertThatThrownBy(
              () ->
                  function.act(
                      new McpCallRequest(
                          "shop/issue_refund", Map.of("orderId", "O-1", "amount", 1)),
                      "pi-7:b"))
          .isInstanceOf(RetryLaterException.class)
          .hasMessageContaining("tools/call of 'issue_refund' on MCP server 'shop' failed");
      assertThat(gone.refunds()).isZero();
    } finally {
      goneServers.destroy();
    }
  }

  @Test
  void should_retry_later_when_the_tool_does_not_answer_in_time() {
    McpServers impatient =
        new McpServers(
            new McpProperties(
                Map.of(
                    "shop",
                    new McpProperties.Server(
                        shop.url(),
                        McpTestServer.TOKEN,
                        Map.of(),
                        Duration.ofMillis(300),
                        List.of())),
                Duration.ofSeconds(30)));
    try {
      assertThatThrownBy(
              () ->
                  new McpCallFunction(impatient)
                      .act(new McpCallRequest("shop/slow_lookup", Map.of()), "pi-8:a"))
          .isInstanceOf(RetryLaterException.class)
          .hasMessage(
              "tools/call of 'slow_lookup' on MCP server 'shop' had no answer within PT0.3S"
                  + " (BATON_MCP_SERVERS_SHOP_TIMEOUT (baton.mcp.servers.shop.timeout))");
    } finally {
      impatient.destroy();
    }
  }

  @Test
  void should_make_an_incident_of_an_unknown_server_or_tool() {
    assertThatThrownBy(() -> mcp.act(new McpCallRequest("crm/find", Map.of()), "pi-6:a"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("MCP server 'crm' is not configured: set BATON_MCP_SERVERS_CRM_URL");
    assertThatThrownBy(() -> mcp.act(new McpCallRequest("shop/delete_all", Map.of()), "pi-6:b"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("MCP server 'shop' offers no tool 'delete_all'")
        .hasMessageContaining("issue_refund");
  }
}
