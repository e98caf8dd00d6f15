package io.baton.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API ({@code /engine-rest}), Baton's API ({@code /api}) and the metrics endpoints
 * accept only requests with HTTP Basic credentials of an engine user; the engine's authorizations
 * then apply. Only {@code /actuator/health} stays open, for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

  @Bean
  FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("baton-rest-authentication");
    // before the start rate limit, which counts the user this filter authenticated
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(
        "/engine-rest/*",
        "/api/*",
        "/actuator/metrics",
        "/actuator/metrics/*",
        "/actuator/prometheus");
    return registration;
  }
}
