package io.baton.connectors.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LabelSetsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  LabelSetCatalog labelSetCatalog(
      @Value("${baton.label-sets.location:classpath*:processes/label-sets/*.json}") String location,
      ObjectMapper json) {
    return new LabelSetCatalog(location, json);
  }
}
