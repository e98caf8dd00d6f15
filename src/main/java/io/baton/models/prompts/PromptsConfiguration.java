package io.baton.models.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PromptsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  PromptCatalog promptCatalog(
      @Value("${baton.prompts.location:classpath*:processes/prompts/*.json}") String location,
      ObjectMapper json) {
    return new PromptCatalog(location, json);
  }
}
