package io.baton.connectors.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

  @Bean
  @ConditionalOnMissingBean
  InjectionExamples injectionExamples(
      @Value("${baton.guard.injection-examples:" + InjectionExamples.DEFAULT_LOCATION + "}")
          String location,
      ObjectMapper json) {
    return InjectionExamples.read(location, json);
  }
}
