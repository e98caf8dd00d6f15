package io.baton.security;

import io.baton.identity.BatonGroups;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Baton's filters around the engine's authentication ({@link RestAuthenticationConfiguration}): the
 * login throttle before it, metrics and MCP access after it. Size limits, Object variables and the
 * start rate are registered by {@code io.baton.security.edge.EdgeFilters}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class HttpEdgeFilters {

  private static final String[] BASIC_AUTHENTICATED = RestAuthenticationConfiguration.PATHS;
  private static final String WEBAPP_ENGINE_API = "/camunda/api/engine/*";

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties) {
    return new LoginThrottle(properties, Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("baton-login-throttle");
    registration.setOrder(RestAuthenticationConfiguration.ORDER - 10);
    registration.addUrlPatterns(BASIC_AUTHENTICATED);
    registration.addUrlPatterns(WEBAPP_ENGINE_API, "/camunda/api/admin/auth/user/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginSuccessFilter> loginSuccessFilter(
      LoginThrottle throttle, IdentityService identity) {
    FilterRegistrationBean<LoginSuccessFilter> registration =
        new FilterRegistrationBean<>(new LoginSuccessFilter(throttle, identity));
    registration.setName("baton-login-success");
    registration.setOrder(RestAuthenticationConfiguration.ORDER + 5);
    registration.addUrlPatterns(BASIC_AUTHENTICATED);
    return registration;
  }

  @Bean
  FilterRegistrationBean<GroupAccessFilter> metricsAccessFilter(IdentityService identity) {
    FilterRegistrationBean<GroupAccessFilter> registration =
        new FilterRegistrationBean<>(
            new GroupAccessFilter(
                identity, List.of(BatonGroups.OPERATORS, Groups.CAMUNDA_ADMIN), "metrics"));
    registration.setName("baton-metrics-access");
    registration.setOrder(RestAuthenticationConfiguration.ORDER + 10);
    registration.addUrlPatterns("/actuator/metrics", "/actuator/metrics/*", "/actuator/prometheus");
    return registration;
  }

  /** The MCP server ({@code io.baton.mcp}) is for MCP clients; admins join the group to use it. */
  @Bean
  FilterRegistrationBean<GroupAccessFilter> mcpAccessFilter(IdentityService identity) {
    FilterRegistrationBean<GroupAccessFilter> registration =
        new FilterRegistrationBean<>(
            new GroupAccessFilter(identity, List.of(BatonGroups.MCP_CLIENTS), "the MCP server"));
    registration.setName("baton-mcp-access");
    registration.setOrder(RestAuthenticationConfiguration.ORDER + 10);
    registration.addUrlPatterns(RestAuthenticationConfiguration.MCP);
    return registration;
  }
}
