package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class TaskLogContextTest {

  private final TaskLogContext task = TaskLogContext.of("pi-7", "classify", "task-3");

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void a_pool_thread_working_on_a_task_logs_with_its_ids_and_forgets_them_after() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      AtomicReference<Map<String, String>> during = new AtomicReference<>();
      AtomicReference<Map<String, String>> after = new AtomicReference<>();
      task.around(pool).execute(() -> during.set(MDC.getCopyOfContextMap()));
      pool.execute(() -> after.set(MDC.getCopyOfContextMap()));
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

      assertThat(during.get())
          .containsEntry("processInstanceId", "pi-7")
          .containsEntry("activityId", "classify")
          .containsEntry("externalTaskId", "task-3");
      assertThat(after.get()).as("the next task on that thread starts clean").isNullOrEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_thread_with_a_context_of_its_own_gets_it_back() {
    MDC.put("request", "r-1");
    task.run(() -> assertThat(MDC.get("processInstanceId")).isEqualTo("pi-7"));
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("request", "r-1"));
  }

  @Test
  void the_configured_log_pattern_names_the_case_and_activity_of_a_task_and_nothing_elsewhere() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    String level = yaml.getObject().getProperty("logging.pattern.level");

    assertThat(render(level, Map.of("processInstanceId", "pi-7", "activityId", "classify")))
        .isEqualTo(" INFO [pi-7 classify]");
    assertThat(render(level, Map.of())).isEqualTo(" INFO");
  }

  private static String render(String pattern, Map<String, String> mdc) {
    PatternLayout layout = new PatternLayout();
    layout.setContext(new LoggerContext());
    layout.setPattern(pattern);
    layout.start();
    LoggingEvent event = new LoggingEvent();
    event.setLevel(ch.qos.logback.classic.Level.INFO);
    event.setMessage("working");
    event.setMDCPropertyMap(new HashMap<>(mdc));
    return layout.doLayout(event);
  }
}
