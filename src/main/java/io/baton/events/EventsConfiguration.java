package io.baton.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.events.EventsProperties.Action;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of events. Its transaction is Spring's on the application's DataSource, the one the
 * engine runs its commands in (the Camunda starter gives the engine the same transaction manager),
 * so the receipt and the start or correlation commit together or not at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
class EventsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

  @Bean
  EventMappings eventMappings(EventsProperties properties) {
    return new EventMappings(properties.mappings());
  }

  @Bean
  CloudEventReader cloudEventReader(ObjectMapper json) {
    return new CloudEventReader(json);
  }

  @Bean
  EventIntake eventIntake(
      EventMappings mappings,
      EventReceipts receipts,
      RuntimeService runtime,
      PlatformTransactionManager transactions,
      ProcessEngine engine) {
    return new EventIntake(
        mappings,
        receipts,
        runtime,
        new TransactionTemplate(transactions),
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired());
  }

  /** Says once at start how events come in, and which start mappings have no process yet. */
  @EventListener(ApplicationReadyEvent.class)
  void describe(ApplicationReadyEvent ready) {
    Environment environment = ready.getApplicationContext().getEnvironment();
    EventsProperties properties = ready.getApplicationContext().getBean(EventsProperties.class);
    KafkaEventsCondition.missing(environment)
        .ifPresent(
            missing ->
                log.info(
                    "events: no Kafka configured ({}); events come in through POST /api/events only",
                    missing));
    RepositoryService repository = ready.getApplicationContext().getBean(RepositoryService.class);
    properties
        .mappings()
        .forEach(
            (name, mapping) -> {
              if (mapping.action() == Action.START
                  && repository
                          .createProcessDefinitionQuery()
                          .messageEventSubscriptionName(mapping.message())
                          .count()
                      == 0) {
                log.warn(
                    "events: baton.events.mappings.{} starts on message '{}', but no deployed process"
                        + " has a message start event of that name; events of type {} are refused"
                        + " until one is deployed",
                    name,
                    mapping.message(),
                    mapping.type());
              }
            });
  }
}
