package io.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the engine's HTTP Basic authentication and clears the login throttle of the user it
 * accepted from this source, so earlier typing errors do not count against a user who then logs in.
 */
final class LoginSuccessFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final IdentityService identity;

  LoginSuccessFilter(LoginThrottle throttle, IdentityService identity) {
    this.throttle = throttle;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identity.getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      throttle.succeeded(request.getRemoteAddr(), user.getUserId());
    }
    chain.doFilter(request, response);
  }
}
