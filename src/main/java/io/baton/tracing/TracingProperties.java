package io.baton.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where traces go. Without an endpoint nothing is exported and spans cost no more than a no-op.
 *
 * @param otlpEndpoint the OTLP/HTTP receiver, for example {@code http://collector:4318} (spans go
 *     to its {@code /v1/traces}); {@code BATON_TRACING_OTLP_ENDPOINT}
 * @param serviceName {@code service.name} of the spans this process exports
 */
@ConfigurationProperties("baton.tracing")
public record TracingProperties(String otlpEndpoint, String serviceName) {

  static final String TRACES_PATH = "/v1/traces";

  public boolean enabled() {
    return otlpEndpoint != null && !otlpEndpoint.isBlank();
  }

  /** The URL spans are posted to: the endpoint as given when it names the path, else its path. */
  String tracesUrl() {
    String endpoint = otlpEndpoint.strip();
    if (endpoint.endsWith(TRACES_PATH)) {
      return endpoint;
    }
    return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint)
        + TRACES_PATH;
  }
}
