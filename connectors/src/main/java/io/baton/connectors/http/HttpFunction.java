package io.baton.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.ToolConnector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Calls a configured endpoint ({@code baton.tools.http.<name>}) on topic {@code baton.http}, with
 * an {@code Idempotency-Key} header, and maps the answer: 2xx completes with {@code httpStatus} and
 * the requested outputs; another 4xx than 429 raises BPMN error {@code HTTP_<status>}; 429, 5xx,
 * timeouts and refused connections are retried (Retry-After honoured); a redirect, a body over the
 * limit, or a body that is not JSON while outputs are asked for is an incident. Only paths under an
 * endpoint's base URL are called, so no process data can choose a host.
 */
@Component
public class HttpFunction implements ToolConnector<HttpCallRequest, HttpCallResult> {

  /** The most common BPMN errors, declared in the template; any other 4xx is HTTP_ + status. */
  public static final String BAD_REQUEST = "HTTP_400";

  public static final String NOT_FOUND = "HTTP_404";
  public static final String CONFLICT = "HTTP_409";
  public static final String UNPROCESSABLE = "HTTP_422";

  private static final int MAX_REASON = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();

  private final Map<String, HttpEndpoint> endpoints;

  public HttpFunction(HttpToolsProperties properties) {
    this.endpoints =
        properties.http().entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> new HttpEndpoint(e.getKey(), e.getValue())));
  }

  @Override
  public String topic() {
    return "baton.http";
  }

  @Override
  public Class<HttpCallRequest> inputType() {
    return HttpCallRequest.class;
  }

  @Override
  public HttpCallResult act(HttpCallRequest input, String idempotencyKey) {
    HttpEndpoint endpoint = endpoint(input.endpoint());
    URI uri = endpoint.resolve(input.path(), input.query());
    Map<String, JsonPath> outputs = compiled(input.outputs());
    String call = "%s %s %s".formatted(endpoint.name(), input.method(), shown(input.path()));
    HttpResponse<BoundedBody.Body> response =
        send(endpoint, request(endpoint, uri, input, idempotencyKey), call);
    BoundedBody.Body body = response.body();
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      if (body.truncated()) {
        throw new ConnectorIncident(
            "response from %s exceeds %d bytes: raise baton.tools.http.%s.max-response-bytes or ask for less"
                .formatted(call, endpoint.maxResponseBytes(), endpoint.name()));
      }
      return new HttpCallResult(status, read(outputs, body, response, call));
    }
    throw failure(status, response, call);
  }

  private HttpEndpoint endpoint(String name) {
    HttpEndpoint endpoint = endpoints.get(name);
    if (endpoint == null) {
      throw new ConnectorIncident(
          "http endpoint '%s' is not configured: set baton.tools.http.%s.base-url (%s)"
              .formatted(name, name, HttpToolsProperties.variable(name, "base-url")));
    }
    return endpoint;
  }

  private HttpRequest request(
      HttpEndpoint endpoint, URI uri, HttpCallRequest input, String idempotencyKey) {
    HttpRequest.BodyPublisher publisher =
        input.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(write(input.body()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(endpoint.timeout())
            .header("Accept", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .method(input.method(), publisher);
    if (input.body() != null) {
      request.header("Content-Type", "application/json");
    }
    if (endpoint.authorization() != null) {
      request.header("Authorization", endpoint.authorization());
    }
    return request.build();
  }

  private static HttpResponse<BoundedBody.Body> send(
      HttpEndpoint endpoint, HttpRequest request, String call) {
    CompletableFuture<HttpResponse<BoundedBody.Body>> response =
        endpoint.client().sendAsync(request, info -> new BoundedBody(endpoint.maxResponseBytes()));
    long millis = endpoint.timeout().toMillis();
    try {
      return response.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      response.cancel(true);
      throw new RetryLaterException(
          call + " did not answer within " + shown(endpoint.timeout()), null);
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw new RetryLaterException("interrupted while calling " + call, null);
    } catch (ExecutionException e) {
      throw unreachable(e.getCause(), endpoint, call);
    }
  }

  private static RuntimeException unreachable(Throwable cause, HttpEndpoint endpoint, String call) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new RetryLaterException(
          call + ": could not connect within " + shown(endpoint.timeout()), null);
    }
    if (cause instanceof HttpTimeoutException) {
      return new RetryLaterException(
          call + " did not answer within " + shown(endpoint.timeout()), null);
    }
    if (cause instanceof ConnectException) {
      return new RetryLaterException(call + ": not reachable (connection refused)", null);
    }
    if (cause instanceof IOException) {
      return new RetryLaterException(call + ": " + cause, null);
    }
    return new IllegalStateException(call + " failed: " + cause, cause);
  }

  private Map<String, JsonPath> compiled(Map<String, String> outputs) {
    Map<String, JsonPath> paths = new LinkedHashMap<>();
    outputs.forEach(
        (variable, path) -> {
          try {
            paths.put(variable, JsonPath.compile(path));
          } catch (InvalidPathException | IllegalArgumentException e) {
            throw new ConnectorIncident(
                "http: output '%s' has no valid JSON path '%s' (%s); write it as $.field or $.items[0].id"
                    .formatted(variable, path, e.getMessage()));
          }
        });
    return paths;
  }

  private Map<String, Object> read(
      Map<String, JsonPath> outputs, BoundedBody.Body body, HttpResponse<?> response, String call) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (outputs.isEmpty()) {
      return values;
    }
    DocumentContext document;
    try {
      if (body.bytes().length == 0) {
        throw new IOException("the body is empty");
      }
      document = JsonPath.using(JSON_PATH).parse(JSON.readValue(body.bytes(), Object.class));
    } catch (IOException e) {
      throw new ConnectorIncident(
          "response from %s is not JSON (Content-Type %s), but outputs %s ask for values in it"
              .formatted(
                  call,
                  response.headers().firstValue("Content-Type").orElse("not given"),
                  outputs.keySet()));
    }
    outputs.forEach(
        (variable, path) -> {
          try {
            values.put(variable, document.read(path));
          } catch (PathNotFoundException e) {
            values.put(variable, null);
          }
        });
    return values;
  }

  private RuntimeException failure(
      int status, HttpResponse<BoundedBody.Body> response, String call) {
    String reason = reason(response.body());
    String message =
        "HTTP %d from %s%s".formatted(status, call, reason.isEmpty() ? "" : ": " + reason);
    if (status == 429 || status == 503) {
      return new RetryLaterException(
          message, RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
    }
    if (status >= 500) {
      return new RetryLaterException(message, null);
    }
    if (status >= 400) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(HttpCallResult.STATUS, status);
      variables.put("httpError", reason);
      return new ConnectorBpmnError("HTTP_" + status, message, variables);
    }
    return new ConnectorIncident(
        message
            + " (redirects are not followed: point the endpoint's base-url at the final location)");
  }

  /** A short reason from an error body: a JSON problem's message, else the text, capped. */
  static String reason(BoundedBody.Body body) {
    String text = body.text().strip();
    try {
      var node = JSON.readTree(text);
      if (node != null && node.isObject()) {
        for (String field :
            new String[] {"message", "detail", "error_description", "error", "title"}) {
          if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
            text = node.path(field).asText();
            break;
          }
        }
      }
    } catch (JsonProcessingException notJson) {
      // the text as it is
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
  }

  private static String shown(java.time.Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static String shown(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new ConnectorIncident("http: the body cannot be written as JSON: " + e.getMessage(), e);
    }
  }
}
