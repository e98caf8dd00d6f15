package io.baton.memory;

import static io.baton.support.ProcessInstances.awaitEnded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.TaskContext;
import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.MemoryStore;
import io.baton.connectors.memory.RecallFunction;
import io.baton.connectors.memory.RecallRequest;
import io.baton.connectors.memory.RecallResult;
import io.baton.connectors.memory.RememberFunction;
import io.baton.connectors.memory.RememberRequest;
import io.baton.connectors.memory.RememberResult;
import io.baton.models.Embeddings;
import io.baton.support.ProcessInstances;
import io.baton.workers.TestWorkers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Long-term memory through the embedded workers, the engine's memory API (as a standalone worker
 * reaches it) and the store: a retried write keeps each fact once, a recall ranks by similarity and
 * recency within its token budget, expired entries are swept, a subject can be forgotten, and bad
 * input is refused with its reason and writes nothing. Nested in an engine test on PostgreSQL
 * ({@code GovernedNoticePostgresIT}); {@link JdbcMemoryStoreH2Test} covers the store on H2.
 */
public abstract class MemoryScenarios {

  private static final String CONTACT = "Prefers to be contacted by e-mail, never by phone.";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired JdbcMemoryStore store;
  @Autowired RememberFunction remember;
  @Autowired RecallFunction recall;
  @Autowired Embeddings embeddings;
  @LocalServerPort int port;

  @Value("${baton.workers.password}")
  String workerPassword;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("remembers").count() == 0) {
      repository
          .createDeployment()
          .addModelInstance(
              "remembers.bpmn",
              Bpmn.createExecutableProcess("remembers")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .serviceTask("remember")
                  .camundaExternalTask("baton.remember")
                  .camundaInputParameter("memoryKey", "${memoryKey}")
                  .camundaInputParameter("subject", "${customerId}")
                  .camundaInputParameter("fact", "${fact}")
                  .camundaInputParameter("kind", "INTERACTION")
                  .serviceTask("recall")
                  .camundaExternalTask("baton.recall")
                  .camundaInputParameter("memoryKey", "${memoryKey}")
                  .camundaInputParameter("subject", "${customerId}")
                  .camundaInputParameter("query", "${fact}")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  @Test
  void should_keep_each_fact_once_when_the_task_runs_again() throws Exception {
    String subject = "C-MEM-RETRY";
    ProcessInstance pi = start(subject, "customerId", "Asked where order 7781 is; it was late.");
    awaitEnded(pi);
    assertThat(entries(subject)).isEqualTo(1);
    assertThat(ProcessInstances.historic(pi, "remembered")).isEqualTo(1);
    assertThat(ProcessInstances.historic(pi, "memoryContext").toString())
        .contains("Asked where order 7781 is", pi.getBusinessKey());

    // the worker died after writing, before completing: the engine hands the same task out again
    HistoricExternalTaskLog log =
        history
            .createHistoricExternalTaskLogQuery()
            .processInstanceId(pi.getId())
            .activityIdIn("remember")
            .list()
            .get(0);
    TaskContext sameTask =
        new TaskContext(
            pi.getId(),
            "remember",
            log.getActivityInstanceId(),
            log.getExternalTaskId(),
            pi.getBusinessKey());
    RememberRequest again =
        new RememberRequest(
            "customerId",
            subject,
            "Asked where order 7781 is; it was late.",
            List.of("Wants a call back."),
            "INTERACTION");
    assertThat(remember.apply(again, sameTask)).isEqualTo(new RememberResult(2, 1));
    // two attempts at once: one may lose at the unique write key, and keeps nothing then
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Object> attempt =
          () -> {
            try {
              return remember.apply(again, sameTask);
            } catch (RuntimeException lostTheRace) {
              return lostTheRace;
            }
          };
      List<Future<Object>> both = pool.invokeAll(List.of(attempt, attempt));
      for (Future<Object> result : both) {
        assertThat(result.get())
            .satisfiesAnyOf(
                r -> assertThat(r).isEqualTo(new RememberResult(2, 2)),
                r -> assertThat(r).isInstanceOf(RuntimeException.class));
      }
    } finally {
      pool.shutdown();
    }
    // and once more through the engine's API, as a standalone worker retries
    MemoryStore api = TestWorkers.memoryStore(port, workerPassword);
    RememberFunction standalone = new RememberFunction(api, embeddings);
    assertThat(standalone.apply(again, sameTask)).isEqualTo(new RememberResult(2, 2));
    assertThat(entries(subject)).isEqualTo(2);
  }

  @Test
  void should_recall_the_most_similar_and_recent_entries_within_the_token_budget() {
    String subject = "C-MEM-RANK";
    Instant now = Instant.now();
    store.remember(
        List.of(
            entry(subject, "rank#0", CONTACT, now.minus(300, ChronoUnit.DAYS)),
            entry(subject, "rank#1", CONTACT, now.minus(1, ChronoUnit.DAYS)),
            entry(
                subject,
                "rank#2",
                "Bought a blender in March and returned it.",
                now.minus(2, ChronoUnit.DAYS)),
            entry(subject, "rank#3", "Lives in Lyon.", now.minus(400, ChronoUnit.DAYS))));
    TaskContext context = TaskContext.NONE;
    String query = "How does the customer want to be contacted?";

    RecallResult all =
        recall.apply(new RecallRequest("customerId", subject, query, null, null, 0.0), context);
    assertThat(all.memories())
        .extracting(RecallResult.Memory::text)
        .doesNotContain("Lives in Lyon.");
    assertThat(all.memories()).hasSize(3);
    assertThat(all.memories().get(0).text()).isEqualTo(CONTACT);
    assertThat(all.memories().get(1).text()).isEqualTo(CONTACT);
    assertThat(Instant.parse(all.memories().get(0).rememberedAt()))
        .as("of two entries alike in meaning, the newer first")
        .isAfter(Instant.parse(all.memories().get(1).rememberedAt()));
    assertThat(all.memories().get(2).text()).startsWith("Bought a blender");
    assertThat(all.memories().get(2).similarity()).isLessThan(all.memories().get(1).similarity());
    assertThat(all.memoryTokens())
        .isEqualTo(all.memories().stream().mapToInt(RecallResult.Memory::tokens).sum());

    int oneEntry = MemoryEntry.tokens(CONTACT);
    RecallResult tight =
        recall.apply(
            new RecallRequest("customerId", subject, query, oneEntry + 1, null, 0.0), context);
    assertThat(tight.memories()).hasSize(1);
    assertThat(tight.memories().get(0).rememberedAt())
        .isEqualTo(all.memories().get(0).rememberedAt());
    assertThat(tight.memoryTokens()).isLessThanOrEqualTo(oneEntry + 1);

    assertThat(store.sweep(now)).isGreaterThanOrEqualTo(1);
    assertThat(entries(subject)).as("the entry past its time to live is swept").isEqualTo(3);

    assertThat(store.forget("customerId", subject)).isEqualTo(3);
    assertThat(
            recall
                .apply(new RecallRequest("customerId", subject, query, null, null, 0.0), context)
                .memories())
        .isEmpty();
  }

  @Test
  void should_refuse_an_unknown_memory_key_with_an_incident_and_write_nothing() {
    ProcessInstance pi = start("C-MEM-BAD-KEY", "vendor", "Pays late.");
    assertThat(awaitIncident(pi).getIncidentMessage())
        .contains("unknown memory key 'vendor'", "baton.memory.keys", "customerId");
    assertThat(entries("C-MEM-BAD-KEY")).isZero();

    assertThatThrownBy(
            () ->
                recall.apply(
                    new RecallRequest("vendor", "C-MEM-BAD-KEY", "late?", null, null, null),
                    TaskContext.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown memory key 'vendor'");
    // a standalone worker gets the engine's reason, which its incident then shows
    RecallFunction standalone =
        new RecallFunction(TestWorkers.memoryStore(port, workerPassword), embeddings);
    assertThatThrownBy(
            () ->
                standalone.apply(
                    new RecallRequest("vendor", "C-MEM-BAD-KEY", "late?", null, null, null),
                    TaskContext.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown memory key 'vendor'");
  }

  @Test
  void should_refuse_an_oversized_fact_and_write_nothing() throws Exception {
    ProcessInstance pi = start("C-MEM-BIG", "customerId", "x".repeat(2_001));
    assertThat(awaitIncident(pi).getIncidentMessage()).contains("'fact'", "2000");
    assertThat(entries("C-MEM-BIG")).isZero();

    // the engine's API refuses a batch with one oversized entry whole, with the reason
    Instant now = Instant.now();
    String body =
        """
        [%s, %s]"""
            .formatted(
                json(entry("C-MEM-BIG", "big#0", "A fine fact.", now)),
                json(entry("C-MEM-BIG", "big#1", "y".repeat(2_001), now)));
    HttpResponse<String> refused = post("/api/memory/entries", body);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("fact of 2001 characters is over the limit of 2000");
    assertThat(entries("C-MEM-BIG")).isZero();
    assertThat(post("/api/memory/entries", "{\"not\": \"a list\"}").statusCode()).isEqualTo(400);
    assertThat(entries("C-MEM-BIG")).isZero();
  }

  private ProcessInstance start(String subject, String memoryKey, String fact) {
    return runtime.startProcessInstanceByKey(
        "remembers",
        "case-" + subject,
        Map.of("customerId", subject, "memoryKey", memoryKey, "fact", fact));
  }

  private Incident awaitIncident(ProcessInstance pi) {
    return await()
        .atMost(ProcessInstances.WORKERS)
        .until(
            () -> runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult(),
            incident -> incident != null);
  }

  private int entries(String subject) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM baton_memory WHERE subject = ?", Integer.class, subject);
  }

  private MemoryEntry entry(String subject, String writeKey, String text, Instant at) {
    return new MemoryEntry(
        writeKey,
        "customerId",
        subject,
        MemoryEntry.FACT,
        text,
        null,
        null,
        at,
        embeddings.vector(text));
  }

  private static String json(MemoryEntry entry) {
    StringBuilder vector = new StringBuilder();
    for (float value : entry.embedding()) {
      vector.append(vector.isEmpty() ? "" : ",").append(value);
    }
    return """
        {"writeKey":"%s","memoryKey":"%s","subject":"%s","kind":"%s","text":"%s",\
        "rememberedAt":"%s","embedding":[%s]}"""
        .formatted(
            entry.writeKey(),
            entry.memoryKey(),
            entry.subject(),
            entry.kind(),
            entry.text(),
            entry.rememberedAt(),
            vector);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("worker:" + workerPassword).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
