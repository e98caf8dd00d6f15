package io.baton.workers;

import io.baton.connectors.agent.AgentConversations;
import io.baton.connectors.memory.MemoryStore;
import io.baton.models.LearnedExamples;
import io.baton.models.ModelCallLog;
import io.baton.models.chat.ChatHttp;
import io.baton.payloads.PayloadProperties;
import io.baton.payloads.Payloads;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * A standalone worker process: the connectors and models without the engine, talking to an engine
 * through its REST API ({@code BATON_WORKERS_BASE_URL}). Start it with {@code java
 * -Dloader.main=io.baton.workers.WorkerApplication -jar target/baton.jar}.
 */
public final class WorkerApplication {

  private WorkerApplication() {}

  public static void main(String[] args) {
    ChatHttp.reuseThreadsForAnswers();
    start(args);
  }

  /**
   * Starts a worker process's context; closing it stops the workers. It serves a management port
   * ({@code BATON_WORKERS_MANAGEMENT_PORT}, 8081 unless set) with health and metrics, nothing else.
   */
  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication application = new SpringApplication(StandaloneWorker.class);
    application.setWebApplicationType(WebApplicationType.SERVLET);
    application.setAdditionalProfiles("worker");
    return application.run(args);
  }

  /**
   * Not a {@code @Configuration}, so the engine application's component scan does not pick it up;
   * as the primary source of the worker's context its annotations still apply.
   */
  @EnableAutoConfiguration(
      excludeName = {
        "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration"
      })
  @ComponentScan(
      basePackages = {
        "io.baton.workers",
        "io.baton.connectors",
        "io.baton.models",
        "io.baton.tracing"
      })
  @EnableConfigurationProperties(PayloadProperties.class)
  static class StandaloneWorker {

    /** Without a database of its own, a standalone worker audits model calls through the engine. */
    @Bean
    ModelCallLog modelCallLog(WorkerProperties properties) {
      return new RestModelCallLog(engine(properties));
    }

    /** ... and keeps long-term memory through the engine. */
    @Bean
    MemoryStore memoryStore(WorkerProperties properties) {
      return new RestMemoryStore(engine(properties));
    }

    /** ... and keeps agent conversations through the engine. */
    @Bean
    AgentConversations agentConversations(WorkerProperties properties) {
      return new RestAgentConversations(engine(properties));
    }

    private static EngineClient engine(WorkerProperties properties) {
      if (properties.baseUrl() == null || properties.baseUrl().isBlank()) {
        throw new IllegalStateException(
            "a standalone worker needs the engine's REST API: set BATON_WORKERS_BASE_URL,"
                + " e.g. http://engine:8080/engine-rest");
      }
      return new EngineClient(properties.baseUrl(), properties.username(), properties.password());
    }

    /** Payloads over the inline limit, stored and read through the engine. */
    @Bean
    Payloads payloads(WorkerProperties properties, PayloadProperties payloads) {
      return new Payloads(
          new RestPayloadStore(
              new EngineClient(properties.baseUrl(), properties.username(), properties.password())),
          payloads);
    }

    /** The examples learned from reviewers, read from the engine and kept for a short while. */
    @Bean
    LearnedExamples learnedExamples(
        WorkerProperties properties, @Value("${baton.learning.refresh:30s}") Duration refresh) {
      return new RestLearnedExamples(engine(properties), refresh);
    }

    /** Health for anyone; metrics for the holder of the scrape token. */
    @Bean
    FilterRegistrationBean<MetricsTokenFilter> metricsTokenFilter(
        @Value("${baton.workers.metrics-token:}") String token) {
      FilterRegistrationBean<MetricsTokenFilter> registration =
          new FilterRegistrationBean<>(new MetricsTokenFilter(token));
      registration.addUrlPatterns("/*");
      return registration;
    }
  }
}
