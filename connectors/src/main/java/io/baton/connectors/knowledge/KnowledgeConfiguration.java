package io.baton.connectors.knowledge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

  @Bean
  @ConditionalOnMissingBean
  KnowledgeBaseCatalog knowledgeBaseCatalog(
      @Value("${baton.knowledge.location:classpath*:processes/knowledge/**/*}") String location) {
    return new KnowledgeBaseCatalog(location);
  }
}
