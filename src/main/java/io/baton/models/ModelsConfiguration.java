package io.baton.models;

import io.baton.tracing.GenAiTracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelsProperties.class)
class ModelsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ModelRegistry modelRegistry(
      ModelsProperties properties,
      List<ModelProvider> providers,
      ModelCallLog log,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<GenAiTracing> tracing) {
    return new ModelRegistry(
        properties,
        providers,
        log,
        meters.getIfAvailable(),
        tracing.getIfAvailable(() -> GenAiTracing.NOOP));
  }

  /** {@code models} under {@code /actuator/health}, in the engine and in a standalone worker. */
  @Bean
  CompositeHealthContributor modelsHealthContributor(ModelRegistry registry) {
    return ModelHealth.of(registry);
  }
}
