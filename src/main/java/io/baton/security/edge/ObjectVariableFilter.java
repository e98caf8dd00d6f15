package io.baton.security.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and before anything is stored, requests to the engine REST API and the webapps'
 * engine API that carry an {@code Object}-typed variable: a JSON value {@code "type": "Object"}
 * anywhere in the body (whatever its {@code objectTypeName}), or a multipart upload (a binary
 * variable) naming a Java type. The engine would otherwise store a serialized Java object that
 * someone later deserializes. Baton's processes use primitive and {@code Json} variables only.
 */
final class ObjectVariableFilter extends OncePerRequestFilter {

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
  private static final Pattern JAVA_TYPE_PART =
      Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"?type\"?[;\\s]");
  private static final Pattern OBJECT_VALUE_TYPE_PART =
      Pattern.compile(
          "(?is)name=\"?valueType\"?[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n\\s*object\\s*\\r?\\n");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!WITH_BODY.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    Optional<String> refusal = refusal(cached);
    if (refusal.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      JSON.writeValue(
          response.getOutputStream(),
          Map.of("type", "InvalidRequestException", "message", refusal.get()));
      return;
    }
    chain.doFilter(cached, response);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static Optional<String> refusal(CachedBodyRequest request) {
    if (isMultipart(request)) {
      return uploadRefusal(request);
    }
    try {
      return objectVariable(
              JSON.readTree(request.body()),
              lastSegment(request.getServletPath() + Objects.toString(request.getPathInfo(), "")))
          .map(
              name ->
                  ("variable '%s' has type Object: Baton does not accept serialized Java objects;"
                          + " send it as Json, String or another primitive type")
                      .formatted(name));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> uploadRefusal(CachedBodyRequest request) {
    String body = new String(request.body(), StandardCharsets.ISO_8859_1);
    if (JAVA_TYPE_PART.matcher(body).find() || OBJECT_VALUE_TYPE_PART.matcher(body).find()) {
      return Optional.of(
          "a variable upload naming a Java type (part 'type', or valueType Object) is refused:"
              + " Baton does not accept serialized Java objects");
    }
    return Optional.empty();
  }

  /**
   * A variable value as the REST API reads it ({@code type} with {@code value} or {@code
   * valueInfo}) whose type is Object; a JSON schema's {@code "type": "object"} is not one.
   */
  private static boolean isObjectTypedValue(JsonNode node) {
    return node.isObject()
        && node.path("type").isTextual()
        && node.path("type").asText().equalsIgnoreCase("object")
        && (node.has("value") || node.has("valueInfo"));
  }

  private static String lastSegment(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The name of the first value typed {@code Object} in the tree, if any. */
  private static Optional<String> objectVariable(JsonNode node, String name) {
    if (node == null) {
      return Optional.empty();
    }
    if (isObjectTypedValue(node)) {
      return Optional.of(name);
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        Optional<String> found = objectVariable(field.getValue(), field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> found = objectVariable(element, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
