package io.baton.workers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A standalone worker's management port has no users of its own: {@code /actuator/health} answers
 * anyone with its status alone; everything else (metrics, Prometheus) needs {@code Authorization:
 * Bearer <token>} with the configured scrape token, and without one configured nobody gets in.
 */
final class MetricsTokenFilter extends OncePerRequestFilter {

  private final byte[] token;

  MetricsTokenFilter(String token) {
    this.token =
        token == null || token.isBlank()
            ? null
            : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(request, response);
      return;
    }
    if (token == null) {
      refuse(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "this worker has no scrape token: set BATON_WORKERS_METRICS_TOKEN"
              + " (baton.workers.metrics-token) to read its metrics");
      return;
    }
    String given = request.getHeader("Authorization");
    if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("WWW-Authenticate", "Bearer");
    refuse(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "metrics need the worker's scrape token as a bearer token");
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"message\":\"" + message + "\"}");
  }
}
