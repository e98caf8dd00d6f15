package io.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After HTTP Basic authentication, lets through only members of the given groups, for endpoints
 * that are not Baton's controllers (which call {@code BatonGroups.require}): the metrics for
 * operators, the MCP server for MCP clients. Anyone else gets 403 naming the groups.
 */
final class GroupAccessFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final List<String> allowed;
  private final String what;

  /**
   * @param what what the endpoint is, for the refusal: "metrics"
   */
  GroupAccessFilter(IdentityService identity, List<String> allowed, String what) {
    this.identity = identity;
    this.allowed = List.copyOf(allowed);
    this.what = what;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identity.getCurrentAuthentication();
    if (user != null
        && user.getGroupIds() != null
        && user.getGroupIds().stream().anyMatch(allowed::contains)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            "{\"type\":\"Forbidden\",\"message\":\"%s %s for the groups %s\"}"
                .formatted(what, what.endsWith("s") ? "are" : "is", String.join(" and ", allowed)));
  }
}
