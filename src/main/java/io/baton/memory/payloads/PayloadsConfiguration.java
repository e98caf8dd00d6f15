package io.baton.memory.payloads;

import io.baton.payloads.PayloadProperties;
import io.baton.payloads.PayloadStore;
import io.baton.payloads.Payloads;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's payload policy over {@link JdbcPayloadStore}, which embedded workers use too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayloadProperties.class)
class PayloadsConfiguration {

  @Bean
  Payloads payloads(PayloadStore store, PayloadProperties properties) {
    return new Payloads(store, properties);
  }

  @Bean
  PayloadViews payloadViews(Payloads payloads) {
    return new PayloadViews(payloads);
  }
}
