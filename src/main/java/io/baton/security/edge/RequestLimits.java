package io.baton.security.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter on the REST APIs that refuses, before the engine sees it, a body larger than
 * {@code baton.security.max-request-size} (413; deployments may reach {@code max-deployment-size})
 * and a JSON body that sets more than {@code max-variables} variables in one map (400). Variables
 * are counted wherever a request can set them: start, task completion, form submission, message
 * correlation, signals, modifications and variable updates.
 */
class RequestLimits extends OncePerRequestFilter {

  /** JSON fields whose object holds variables by name. */
  private static final Set<String> VARIABLE_MAPS =
      Set.of(
          "variables",
          "modifications",
          "processVariables",
          "processVariablesLocal",
          "processVariablesToTriggeredScope",
          "localVariables",
          "correlationKeys",
          "localCorrelationKeys");

  private static final ObjectMapper ERRORS = new ObjectMapper();

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final EdgeProperties limits;
  private final ObjectMapper json;

  RequestLimits(EdgeProperties limits, ObjectMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!WITH_BODY.contains(request.getMethod()) || isForm(request)) {
      chain.doFilter(request, response);
      return;
    }
    long limit =
        path(request).endsWith("/deployment/create")
            ? limits.maxDeploymentSize().toBytes()
            : limits.maxRequestSize().toBytes();
    byte[] body = readUpTo(request.getInputStream(), limit);
    if (body == null || request.getContentLengthLong() > limit) {
      refuse(
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "the request body is larger than %d bytes (baton.security.max-request-size)"
              .formatted(limit));
      return;
    }
    Optional<String> problem = tooManyVariables(request, body);
    if (problem.isPresent()) {
      refuse(response, HttpStatus.BAD_REQUEST, problem.get());
      return;
    }
    chain.doFilter(CachedBodyRequest.of(request, body), response);
  }

  /** Form posts are left to the container, which reads their parameters from the raw stream. */
  private boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    long length = request.getContentLengthLong();
    return type != null
        && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
        && length >= 0
        && length <= limits.maxRequestSize().toBytes();
  }

  private Optional<String> tooManyVariables(HttpServletRequest request, byte[] body) {
    String type = request.getContentType();
    if (body.length == 0 || type == null || !type.toLowerCase().contains("json")) {
      return Optional.empty();
    }
    try {
      return tooManyVariables(json.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // the API answers malformed JSON with its own reason
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> tooManyVariables(JsonNode node) {
    if (node == null || !node.isContainerNode()) {
      return Optional.empty();
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (VARIABLE_MAPS.contains(field.getKey())
          && field.getValue().size() > limits.maxVariables()) {
        return Optional.of(
            "'%s' sets %d variables; at most %d are accepted per request (baton.security.max-variables)"
                .formatted(field.getKey(), field.getValue().size(), limits.maxVariables()));
      }
    }
    for (JsonNode child : node) {
      Optional<String> nested = tooManyVariables(child);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  /** The body, or null when it is longer than the limit. */
  private static byte[] readUpTo(InputStream in, long limit) throws IOException {
    byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    return body.length > limit ? null : body;
  }

  /**
   * The decoded path the servlet container mapped, without path parameters such as {@code ;x=1}.
   */
  static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  static void refuse(HttpServletResponse response, HttpStatus status, String reason)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/json");
    ERRORS.writeValue(
        response.getWriter(), Map.of("type", status.getReasonPhrase(), "message", reason));
  }
}
