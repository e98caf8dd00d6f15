package io.baton.security.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the edge filters: size limits first (before anything reads a body), then, after the
 * REST authentication filter, the refusal of Object variables and the start rate, which counts
 * verified users only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeFilters {

  static final String[] REST_APIS = {"/engine-rest/*", "/api/*", "/camunda/api/engine/*"};

  @Bean
  FilterRegistrationBean<RequestLimits> requestLimits(EdgeProperties limits, ObjectMapper json) {
    FilterRegistrationBean<RequestLimits> registration =
        new FilterRegistrationBean<>(new RequestLimits(limits, json));
    registration.setName("baton-request-limits");
    registration.addUrlPatterns(REST_APIS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** After authentication; reads the body {@link RequestLimits} already read and capped. */
  @Bean
  FilterRegistrationBean<ObjectVariableFilter> objectVariableFilter() {
    FilterRegistrationBean<ObjectVariableFilter> registration =
        new FilterRegistrationBean<>(new ObjectVariableFilter());
    registration.setName("baton-object-variables");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<StartRateLimit> startRateLimit(
      EdgeProperties limits, IdentityService identity) {
    FilterRegistrationBean<StartRateLimit> registration =
        new FilterRegistrationBean<>(new StartRateLimit(limits, identity));
    registration.setName("baton-start-rate-limit");
    registration.addUrlPatterns(REST_APIS);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
