package io.baton.security.edge;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Servlet filter that limits how many processes one user starts per period, on every way in that
 * starts one (Baton's API, the engine REST API also under {@code /engine/{name}}, Tasklist's start
 * forms, messages, signals and conditions), matched on the decoded path the container mapped: past
 * the limit the answer is 429 with {@code Retry-After}. It runs after authentication and counts per
 * authenticated user, so nobody can use up another user's starts.
 */
class StartRateLimit extends OncePerRequestFilter {

  private static final Pattern STARTS =
      Pattern.compile(
          "^(/api/customer-requests"
              + "|/engine-rest(/engine/[^/]+)?/(process-definition/.+/(start|submit-form)"
              + "|message|signal|condition)"
              + "|/camunda/api/engine/engine/[^/]+/(process-definition/.+/(start|submit-form)"
              + "|message|signal|condition))/?$");

  private final RateLimiterRegistry limiters;
  private final IdentityService identity;

  StartRateLimit(EdgeProperties properties, IdentityService identity) {
    this.identity = identity;
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(properties.startsPerPeriod())
                .limitRefreshPeriod(properties.startPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestLimits.path(request);
    Optional<String> user =
        "POST".equals(request.getMethod()) && STARTS.matcher(path).matches()
            ? user(request)
            : Optional.empty();
    if (user.isPresent()) {
      RateLimiter limiter = limiters.rateLimiter(user.get());
      if (!limiter.acquirePermission()) {
        long wait = Math.max(1, limiter.getRateLimiterConfig().getLimitRefreshPeriod().toSeconds());
        response.setHeader("Retry-After", String.valueOf(wait));
        RequestLimits.refuse(
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "%s started more than %d processes in %s; try again later (baton.security.starts-per-period)"
                .formatted(
                    user.get(),
                    limiter.getRateLimiterConfig().getLimitForPeriod(),
                    limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The authenticated user: of the REST authentication filter, or of the webapp session. */
  private Optional<String> user(HttpServletRequest request) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return Optional.of(current.getUserId());
    }
    if (request.getSession(false) == null) {
      return Optional.empty();
    }
    Authentications session = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    return session == null
        ? Optional.empty()
        : session.getAuthentications().stream().findFirst().map(auth -> auth.getName());
  }
}
