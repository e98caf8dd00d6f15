package io.baton.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorIncident;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The allow-list of the http tool: every URL a task asks for stays under its endpoint's base URL.
 */
class HttpEndpointTest {

  private static final HttpEndpoint ERP =
      new HttpEndpoint("erp", endpoint("https://erp.example.com/api"));

  static HttpToolsProperties.Endpoint endpoint(String baseUrl) {
    return new HttpToolsProperties.Endpoint(
        baseUrl, Duration.ofSeconds(10), 1_048_576, null, null, null);
  }

  @ParameterizedTest
  @CsvSource({
    "/shipments/S-1, https://erp.example.com/api/shipments/S-1",
    "shipments/S-1, https://erp.example.com/api/shipments/S-1",
    "/shipments/, https://erp.example.com/api/shipments/",
    "/, https://erp.example.com/api/",
    "/items/a%20b, https://erp.example.com/api/items/a%20b",
    "/users/@evil, https://erp.example.com/api/users/@evil",
    "@evil, https://erp.example.com/api/@evil",
    "/items/urn:a:b, https://erp.example.com/api/items/urn:a:b",
  })
  void should_resolve_a_path_under_the_base_url(String path, String url) {
    assertThat(ERP.resolve(path, Map.of())).hasToString(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil/",
        "https://evil.example.com/x",
        "//evil",
        "//evil/x",
        "///evil",
        "../admin",
        "/../admin",
        "/shipments/../../admin",
        "/shipments/..",
        "./x",
        "/a/./b",
        "%2e%2e/admin",
        "/%2E%2E/admin",
        "/.%2e/admin",
        "/a%2fb",
        "/a%5cb",
        "/a%252e%252e/b",
        "/a%zz",
        "/a%2",
        "/a\\..\\admin",
        "/a//b",
        "/shipments?id=1",
        "/shipments#top",
        "/ship ments",
        "/shipments\n/x",
        "javascript:alert(1)",
        "mailto:x@evil",
        "/späti",
      })
  void should_refuse_a_path_that_could_leave_the_base_url(String path) {
    assertThatThrownBy(() -> ERP.resolve(path, Map.of()))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("http erp: path '" + path + "' is refused")
        .hasMessageContaining("give a path under https://erp.example.com/api/");
  }

  @Test
  void should_keep_the_host_when_the_base_url_has_no_path_and_the_path_starts_with_an_at() {
    HttpEndpoint bare = new HttpEndpoint("erp", endpoint("https://erp.example.com"));

    assertThat(bare.resolve("@evil.example.com", Map.of()).getHost()).isEqualTo("erp.example.com");
  }

  @Test
  void should_encode_query_parameters_as_values() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("sku", "PUMP-200");
    query.put("q", "a b&c=d/../#x");
    query.put("limit", 3);
    query.put("open", true);
    query.put("warehouse", List.of("hamburg", "rotterdam"));
    query.put("skipped", null);

    assertThat(ERP.resolve("/stock", query))
        .hasToString(
            "https://erp.example.com/api/stock?sku=PUMP-200&q=a%20b%26c%3Dd%2F..%2F%23x&limit=3"
                + "&open=true&warehouse=hamburg&warehouse=rotterdam");
  }

  @Test
  void should_refuse_an_object_as_query_parameter() {
    assertThatThrownBy(() -> ERP.resolve("/stock", Map.of("filter", Map.of("a", 1))))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("query parameter 'filter' is an object");
  }

  @ParameterizedTest
  @CsvSource({
    "https://erp.example.com, https://erp.example.com/",
    "https://erp.example.com/api, https://erp.example.com/api/",
    "HTTP://erp.example.com:8443/api/, http://erp.example.com:8443/api/",
  })
  void should_end_the_base_url_with_a_slash(String configured, String base) {
    assertThat(endpoint(configured).baseUrl()).isEqualTo(base);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://erp.example.com/",
        "erp.example.com/api",
        "https://user:secret@erp.example.com/",
        "https://erp.example.com/api?key=1",
        "https://erp.example.com/api#x",
        "https://erp.example.com/a/../b/",
        "file:///etc/passwd",
      })
  void should_refuse_a_base_url_that_is_no_plain_http_location(String baseUrl) {
    assertThatThrownBy(() -> endpoint(baseUrl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base-url");
  }

  @Test
  void should_refuse_two_kinds_of_credentials_or_half_of_one() {
    assertThatThrownBy(
            () ->
                new HttpToolsProperties.Endpoint(
                    "https://erp/", Duration.ofSeconds(1), 10, "token", "user", "secret"))
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () ->
                new HttpToolsProperties.Endpoint(
                    "https://erp/", Duration.ofSeconds(1), 10, null, "user", null))
        .hasMessageContaining("together");
  }

  @Test
  void should_never_show_credentials() {
    var settings =
        new HttpToolsProperties.Endpoint(
            "https://erp/", Duration.ofSeconds(1), 10, "s3cret-token", null, null);

    assertThat(settings.toString()).doesNotContain("s3cret").contains("bearer");
  }

  @Test
  void should_bind_endpoints_and_credentials_from_the_environment() {
    Map<String, Object> environment =
        Map.of(
            "BATON_TOOLS_HTTP_ERP_BASE_URL", "https://erp.example.com/api",
            "BATON_TOOLS_HTTP_ERP_BEARER_TOKEN", "t0ken",
            "BATON_TOOLS_HTTP_ERP_MAX_RESPONSE_BYTES", "2048",
            "BATON_TOOLS_HTTP_CRM_BASE_URL", "https://crm.example.com/",
            "BATON_TOOLS_HTTP_CRM_USERNAME", "baton",
            "BATON_TOOLS_HTTP_CRM_PASSWORD", "pw",
            "BATON_TOOLS_HTTP_CRM_TIMEOUT", "3s");
    Iterable<ConfigurationPropertySource> sources =
        ConfigurationPropertySources.from(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));

    HttpToolsProperties tools =
        new Binder(sources).bindOrCreate("baton.tools", HttpToolsProperties.class);

    assertThat(tools.http()).containsOnlyKeys("erp", "crm");
    assertThat(tools.http().get("erp").bearerToken()).isEqualTo("t0ken");
    assertThat(tools.http().get("erp").maxResponseBytes()).isEqualTo(2048);
    assertThat(tools.http().get("erp").timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(tools.http().get("crm").username()).isEqualTo("baton");
    assertThat(tools.http().get("crm").password()).isEqualTo("pw");
    assertThat(tools.http().get("crm").timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(new HttpEndpoint("crm", tools.http().get("crm")).authorization())
        .isEqualTo("Basic YmF0b246cHc=");
  }
}
