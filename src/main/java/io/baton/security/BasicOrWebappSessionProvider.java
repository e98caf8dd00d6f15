package io.baton.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;

/**
 * HTTP Basic, as everywhere on the API; and for reading the few endpoints that Baton's own pages
 * call ({@link #SESSION_READABLE}), also the user logged in to the Camunda webapps in this session.
 * Only GET: a page on another site can make a browser send the session cookie, but cannot read the
 * answer, and nothing that changes state is reachable this way. The engine's filter then loads the
 * user's groups afresh, so a group removed since the login counts at once.
 */
public class BasicOrWebappSessionProvider implements AuthenticationProvider {

  static final Set<String> SESSION_READABLE = Set.of("/api/dashboard");

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !sessionReadable(request)) {
      return basic.extractAuthenticatedUser(request, engine);
    }
    return WebappSessions.user(request, engine.getName())
        .map(AuthenticationResult::successful)
        .orElseGet(AuthenticationResult::unsuccessful);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }

  private static boolean sessionReadable(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && SESSION_READABLE.contains(path);
  }
}
