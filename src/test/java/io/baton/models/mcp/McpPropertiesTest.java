package io.baton.models.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code baton.mcp.servers.<name>.*} as the environment sets it; every tool needs approval. */
class McpPropertiesTest {

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
