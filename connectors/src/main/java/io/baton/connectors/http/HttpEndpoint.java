package io.baton.connectors.http;

import io.baton.connectors.ConnectorIncident;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A configured endpoint as the {@code http} tool calls it: one client, its credentials, and the
 * rule that every URL a task asks for stays under the endpoint's base URL.
 */
final class HttpEndpoint {

  /** A path segment: RFC 3986 {@code pchar}s, percent-encodings checked separately. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%]+");

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

  /** Encodings of characters that would change where a path leads: . / \ and % itself. */
  private static final Pattern HIDDEN = Pattern.compile("%(2[eEfF]|5[cC]|25)");

  private final String name;
  private final URI base;
  private final Duration timeout;
  private final long maxResponseBytes;
  private final String authorization;
  private final HttpClient client;

  HttpEndpoint(String name, HttpToolsProperties.Endpoint settings) {
    this.name = name;
    this.base = settings.base();
    this.timeout = settings.timeout();
    this.maxResponseBytes = settings.maxResponseBytes();
    this.authorization = authorization(settings);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  String name() {
    return name;
  }

  Duration timeout() {
    return timeout;
  }

  long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** The {@code Authorization} header's value, or null when the endpoint has no credentials. */
  String authorization() {
    return authorization;
  }

  HttpClient client() {
    return client;
  }

  /**
   * The URL of {@code path} (relative to the base URL; a leading {@code /} is allowed) with {@code
   * query}, refused unless it stays under the base URL.
   *
   * @throws ConnectorIncident naming what is wrong with the path or the query
   */
  URI resolve(String path, Map<String, Object> query) {
    String relative = checkedPath(path);
    String queryString = queryString(query);
    URI uri;
    try {
      uri = new URI(base + relative + (queryString.isEmpty() ? "" : "?" + queryString));
    } catch (URISyntaxException e) {
      throw refused(path, "it is not a valid URL path (" + e.getReason() + ")");
    }
    if (!base.getScheme().equals(uri.getScheme())
        || !Objects.equals(base.getRawAuthority(), uri.getRawAuthority())
        || uri.getRawPath() == null
        || !uri.getRawPath().startsWith(base.getRawPath())
        || !uri.normalize().getRawPath().equals(uri.getRawPath())) {
      throw refused(path, "it leads outside the base-url");
    }
    return uri;
  }

  private String checkedPath(String path) {
    if (path == null) {
      throw refused(path, "it is missing");
    }
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (SCHEME.matcher(relative).find() || relative.startsWith("/") || relative.contains("//")) {
      throw refused(path, "a path has no scheme or host, and no empty segment (//)");
    }
    if (relative.isEmpty()) {
      return relative;
    }
    String[] segments = relative.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean trailingSlash = i == segments.length - 1 && segment.isEmpty();
      if (trailingSlash) {
        continue;
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw refused(path, "it has a . or .. segment");
      }
      if (!SEGMENT.matcher(segment).matches()) {
        throw refused(
            path,
            "it has characters a URL path cannot hold (spaces, ?, #, \\ or others); percent-encode"
                + " values (a space as %20) and give query parameters in query");
      }
      if (HIDDEN.matcher(segment).find() || !wellEncoded(segment)) {
        throw refused(path, "it has an encoded . / \\ or %, or a % not followed by two hex digits");
      }
    }
    return relative;
  }

  private static boolean wellEncoded(String segment) {
    for (int i = segment.indexOf('%'); i >= 0; i = segment.indexOf('%', i + 1)) {
      if (i + 2 >= segment.length()
          || Character.digit(segment.charAt(i + 1), 16) < 0
          || Character.digit(segment.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private String queryString(Map<String, Object> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&");
    query.forEach(
        (key, value) -> {
          if (value instanceof Collection<?> values) {
            values.forEach(v -> joined.add(encode(key) + "=" + encode(scalar(key, v))));
          } else if (value != null) {
            joined.add(encode(key) + "=" + encode(scalar(key, value)));
          }
        });
    return joined.toString();
  }

  private String scalar(String key, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new ConnectorIncident(
        "http %s: query parameter '%s' is %s; give text, a number, a boolean or a list of them"
            .formatted(name, key, value == null ? "null in a list" : "an object"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private ConnectorIncident refused(String path, String why) {
    return new ConnectorIncident(
        "http %s: path '%s' is refused: %s; give a path under %s".formatted(name, path, why, base));
  }

  private static String authorization(HttpToolsProperties.Endpoint settings) {
    if (settings.bearerToken() != null) {
      return "Bearer " + settings.bearerToken();
    }
    if (settings.username() != null) {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (settings.username() + ":" + settings.password())
                      .getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }
}
