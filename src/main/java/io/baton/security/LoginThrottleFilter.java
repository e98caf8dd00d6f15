package io.baton.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.security.edge.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Throttles failed logins per source address and user name ({@link LoginThrottle}): HTTP Basic on
 * the APIs, the webapps' login form, and the engine's password check {@code /identity/verify}. A
 * throttled pair gets 429 with {@code Retry-After} before its password is checked.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
  private static final Pattern IDENTITY_VERIFY = Pattern.compile("/identity/verify/?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // decoded and without path parameters, as the JAX-RS resources see it
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    boolean post = "POST".equals(request.getMethod());
    String source = request.getRemoteAddr();
    String basicUser = path.startsWith("/camunda/") ? null : basicUser(request);
    if (post && WEBAPP_LOGIN.matcher(path).find()) {
      CachedBodyRequest cached = CachedBodyRequest.of(request);
      String user = formField(cached, "username");
      if (!throttled(response, source, user)) {
        chain.doFilter(cached, response);
        record(source, user, response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED);
      }
    } else if (post && IDENTITY_VERIFY.matcher(path).find()) {
      CachedBodyRequest cached = CachedBodyRequest.of(request);
      String user = jsonField(cached, "username");
      if (!throttled(response, source, basicUser) && !throttled(response, source, user)) {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(cached, captured);
        recordBasicFailure(source, basicUser, captured.getStatus());
        if (captured.getStatus() == HttpServletResponse.SC_OK) {
          record(source, user, verified(captured.getContentAsByteArray()));
        }
        captured.copyBodyToResponse();
      }
    } else if (basicUser != null) {
      if (!throttled(response, source, basicUser)) {
        chain.doFilter(request, response);
        recordBasicFailure(source, basicUser, response.getStatus());
      }
    } else {
      chain.doFilter(request, response);
    }
  }

  private boolean throttled(HttpServletResponse response, String source, String user)
      throws IOException {
    if (user == null) {
      return false;
    }
    Duration wait = throttle.retryAfter(source, user);
    if (wait.isZero()) {
      return false;
    }
    tooManyRequests(response, user, source, wait);
    return true;
  }

  /** Success is recorded by {@link LoginSuccessFilter}, which sees whom the engine accepted. */
  private void recordBasicFailure(String source, String user, int status) {
    if (user != null && status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(source, user);
    }
  }

  private void record(String source, String user, boolean accepted) {
    if (accepted) {
      throttle.succeeded(source, user);
    } else {
      throttle.failed(source, user);
    }
  }

  private static void tooManyRequests(
      HttpServletResponse response, String user, String source, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(
        response.getOutputStream(),
        Map.of(
            "type",
            "TooManyFailedLogins",
            "message",
            "too many failed logins as '%s' from %s; try again in %d s"
                .formatted(user, source, seconds)));
  }

  private static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static String formField(CachedBodyRequest request, String name) {
    for (String pair : new String(request.body(), StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return equals < 0
            ? ""
            : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static String jsonField(CachedBodyRequest request, String name) {
    try {
      JsonNode value = JSON.readTree(request.body()).path(name);
      return value.isTextual() ? value.asText() : "";
    } catch (IOException notJson) {
      return "";
    }
  }

  private static boolean verified(byte[] body) {
    try {
      return JSON.readTree(body).path("authenticated").asBoolean(false);
    } catch (IOException notJson) {
      return false;
    }
  }
}
