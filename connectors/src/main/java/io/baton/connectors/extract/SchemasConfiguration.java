package io.baton.connectors.extract;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchemasConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SchemaCatalog schemaCatalog(
      @Value("${baton.schemas.location:classpath*:processes/schemas/*.json}") String location) {
    return new SchemaCatalog(location);
  }
}
