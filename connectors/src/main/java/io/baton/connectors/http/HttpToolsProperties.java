package io.baton.connectors.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The endpoints the {@code http} tool may call, {@code baton.tools.http.<name>.*}: its allow-list.
 * A diagram names an endpoint and a path under it; where it is and how to authenticate is
 * configuration, set from the environment ({@code BATON_TOOLS_HTTP_ERP_BEARER_TOKEN}), never from a
 * diagram or a variable.
 */
@ConfigurationProperties("baton.tools")
@Validated
public record HttpToolsProperties(@DefaultValue Map<String, @Valid Endpoint> http) {

  public HttpToolsProperties {
    http = Map.copyOf(http);
  }

  /**
   * One endpoint.
   *
   * @param baseUrl {@code http} or {@code https} URL every path of a task is resolved under, such
   *     as {@code https://erp.example.com/api/}; no query, fragment or user info
   * @param timeout how long a call may take, connecting and answering together
   * @param maxResponseBytes the largest response body read; a larger one is an incident
   * @param bearerToken sent as {@code Authorization: Bearer ...}
   * @param username with {@code password}: sent as HTTP Basic authentication
   * @param password with {@code username}
   */
  public record Endpoint(
      @NotBlank String baseUrl,
      @NotNull @DefaultValue("10s") Duration timeout,
      @Positive @Max(64 * 1024 * 1024) @DefaultValue("1048576") long maxResponseBytes,
      String bearerToken,
      String username,
      String password) {

    public Endpoint {
      if (baseUrl != null && !baseUrl.isBlank()) {
        baseUrl = checkedBaseUrl(baseUrl.strip());
      }
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive, it is " + timeout);
      }
      bearerToken = blankToNull(bearerToken);
      username = blankToNull(username);
      password = blankToNull(password);
      if (bearerToken != null && username != null) {
        throw new IllegalArgumentException(
            "set either bearer-token or username and password, not both");
      }
      if ((username == null) != (password == null)) {
        throw new IllegalArgumentException("set username and password together");
      }
    }

    /** The base URL as a URI whose path ends with {@code /}, so paths resolve under it. */
    URI base() {
      return URI.create(baseUrl);
    }

    private static String checkedBaseUrl(String url) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("base-url is not a URL: " + e.getMessage());
      }
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "base-url must be an http or https URL with a host, such as https://erp.example.com/api/;"
                + " it is "
                + url);
      }
      if (uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "base-url must have no user info, query or fragment (credentials go into bearer-token"
                + " or username and password); it is "
                + uri.getScheme()
                + "://"
                + uri.getHost()
                + "/...");
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (!uri.normalize().getRawPath().equals(uri.getRawPath()) && !path.equals("/")) {
        throw new IllegalArgumentException("base-url must have no . or .. segments: " + url);
      }
      return uri.getScheme().toLowerCase()
          + "://"
          + uri.getRawAuthority()
          + (path.endsWith("/") ? path : path + "/");
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
      return "Endpoint[baseUrl=%s, timeout=%s, maxResponseBytes=%d, credentials=%s]"
          .formatted(
              baseUrl,
              timeout,
              maxResponseBytes,
              bearerToken != null ? "bearer" : username != null ? "basic" : "none");
    }
  }

  /**
   * The environment variable of an endpoint's setting, for messages: BATON_TOOLS_HTTP_ERP_BASE_URL.
   */
  static String variable(String endpoint, String setting) {
    return ("BATON_TOOLS_HTTP_" + endpoint + "_" + setting)
        .toUpperCase()
        .replaceAll("[^A-Z0-9]", "_");
  }
}
