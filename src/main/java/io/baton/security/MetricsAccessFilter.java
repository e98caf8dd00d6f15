package io.baton.security;

import io.baton.identity.BatonGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Metrics are for operators: after HTTP Basic authentication, only members of {@code operators} and
 * {@code camunda-admin} read {@code /actuator/metrics} and {@code /actuator/prometheus}.
 */
final class MetricsAccessFilter extends OncePerRequestFilter {

  private static final List<String> ALLOWED = List.of(BatonGroups.OPERATORS, Groups.CAMUNDA_ADMIN);

  private final IdentityService identity;

  MetricsAccessFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identity.getCurrentAuthentication();
    if (user != null
        && user.getGroupIds() != null
        && user.getGroupIds().stream().anyMatch(ALLOWED::contains)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            "{\"type\":\"Forbidden\",\"message\":\"metrics are for the groups %s and %s\"}"
                .formatted(BatonGroups.OPERATORS, Groups.CAMUNDA_ADMIN));
  }
}
