package io.baton.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API ({@code /engine-rest}), Baton's API ({@code /api}), the MCP server ({@code
 * /mcp}) and the metrics endpoints accept only requests with HTTP Basic credentials of an engine
 * user; the engine's authorizations then apply. The few reads Baton's own pages make also accept
 * the Camunda webapp login of the session ({@link BasicOrWebappSessionProvider}). Only {@code
 * /actuator/health} stays open, for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

  /** After the login throttle ({@link HttpEdgeFilters}), before the checks that need a user. */
  static final int ORDER = 20;

  static final String MCP = "/mcp";

  static final String[] PATHS = {
    "/engine-rest/*",
    "/api/*",
    MCP,
    "/actuator/metrics",
    "/actuator/metrics/*",
    "/actuator/prometheus"
  };

  @Bean
  FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("baton-rest-authentication");
    registration.setOrder(ORDER);
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicOrWebappSessionProvider.class.getName());
    registration.addUrlPatterns(PATHS);
    return registration;
  }
}
