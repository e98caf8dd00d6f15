package io.baton.erasure;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.audit.CaseTrail;
import io.baton.audit.TrailEntry;
import io.baton.connectors.memory.MemoryEntry;
import io.baton.connectors.memory.MemoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure of one customer on the customer-request process with the local model: refused while a
 * case is open, refused to a reviewer and for bad input (nothing changes), then everything Baton
 * keeps about the customer goes, and only the record of the erasure stays, without the customer's
 * id. Runs nested in {@code CustomerRequestPostgresIT}, in its application.
 */
public abstract class ErasureChecks {

  private static final String PARCEL =
      "Has my package been sent out yet? I cannot find any tracking link.";
  private static final String REFUND =
      "Please give me my money back for order 7781, I returned it.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired CaseTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired MemoryStore memory;

  private final ObjectMapper json = new ObjectMapper();
  private String customer;

  @BeforeEach
  void aNewCustomer() {
    init(engine);
    customer = "E-" + System.nanoTime();
  }

  @Test
  void should_erase_a_customer_everywhere_and_keep_only_the_record_of_the_erasure()
      throws Exception {
    ProcessInstance answered = start(PARCEL);
    awaitWaitingAt(answered, "send-reply");
    execute(job(answered));
    awaitEnded(answered);
    ProcessInstance open = start(REFUND);
    awaitWaitingAt(open, "review-ai-suggestion");
    memory.remember(
        List.of(
            new MemoryEntry(
                "erasure-test:" + customer,
                "customerId",
                customer,
                MemoryEntry.FACT,
                "prefers e-mail; lives at 1 Erasure Lane",
                answered.getId(),
                null,
                Instant.now(),
                new float[] {1, 0, 0})));
    jdbc.update(
        "INSERT INTO baton_payload (id, process_instance_id, subject_key, subject, kind, content,"
            + " size_bytes, sha256, created_at, expires_at) VALUES (?, ?, 'customerId', ?, 'text',"
            + " 'a long letter from the customer', 31, 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        "p-" + customer,
        answered.getId(),
        customer);
    String request = request(customer, "Art. 17 request 2026-118");

    assertThat(erase("reviewer", request).getStatusCode().value()).isEqualTo(403);
    assertThat(erase("privacy", request(customer, " ")).getBody()).contains("reason must say why");
    assertThat(erase("privacy", request.replace("customerId", "customerEmail")).getBody())
        .contains("Baton keeps no data under subject key 'customerEmail'");
    assertThat(erase("privacy", "{\"subjectKey\": \"customerId\"}").getBody())
        .contains("subjectId must have 1 to 255 characters");
    ResponseEntity<String> whileOpen = erase("privacy", request);
    assertThat(whileOpen.getStatusCode().value()).isEqualTo(409);
    assertThat(whileOpen.getBody()).contains(open.getId()).contains("nothing was erased");
    assertThat(casesInHistory()).as("nothing was erased").isEqualTo(2);
    assertThat(subjectView().path("cases")).hasSize(2);

    decide(open, "reviewer", "reviewDecision", "REJECT", "rejectReason", "not returned yet");
    awaitEnded(open);
    jdbc.update(
        "INSERT INTO baton_learned_example (label_set, label, ai_label, example_text, status,"
            + " corrected_by, corrected_at, process_instance_id, subject_key) VALUES"
            + " ('customer-intents', 'COMPLAINT', 'LEGAL', 'the customer wrote this', 'LEARNED',"
            + " 'supervisor', CURRENT_TIMESTAMP, ?, ?)",
        answered.getId(),
        customer);
    ResponseEntity<String> done = erase("privacy", request);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
    JsonNode report = json.readTree(done.getBody());
    assertThat(report.path("cases")).hasSize(2);
    assertThat(report.at("/erased/historicCases").asInt()).isEqualTo(2);
    assertThat(report.at("/erased/subjectCases").asInt()).isEqualTo(2);
    assertThat(report.at("/erased/trailPayloads").asInt()).isPositive();
    assertThat(report.at("/erased/caseRecords").asInt()).isPositive();
    assertThat(report.at("/erased/memoryEntries").asInt()).isEqualTo(1);
    assertThat(report.at("/erased/payloads").asInt()).isEqualTo(1);
    assertThat(report.at("/erased/learnedExamples").asInt()).isEqualTo(1);

    // a search afterwards finds nothing of the customer
    assertThat(casesInHistory()).isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(answered.getId(), open.getId())
                .count())
        .isZero();
    assertThat(subjectView().path("cases")).isEmpty();
    assertThat(memory.similar("customerId", customer, new float[] {1, 0, 0}, 10)).isEmpty();
    for (ProcessInstance pi : List.of(answered, open)) {
      List<TrailEntry> entries = trail.entries(pi.getId());
      assertThat(entries).last().extracting(TrailEntry::kind).isEqualTo("ERASURE");
      assertThat(entries)
          .filteredOn(entry -> !entry.kind().equals("ERASURE"))
          .allSatisfy(entry -> assertThat(entry.payload()).isNull());
      assertThat(trail.verify(pi.getId()).intact()).as("the chain still holds").isTrue();
    }
    for (String table :
        List.of(
            "baton_audit_entry WHERE payload",
            "baton_review_outcome WHERE input_text",
            "baton_reply_outbox WHERE reply_text",
            "baton_payload WHERE subject",
            "baton_learned_example WHERE subject_key",
            "baton_erasure WHERE erased || reason")) {
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM " + table + " LIKE ?", Integer.class, "%" + customer + "%"))
          .as(table)
          .isZero();
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_reply_outbox WHERE customer_id = ?",
                Integer.class,
                customer))
        .isZero();

    // the record of the erasure remains, for auditors too, without the customer's id
    ResponseEntity<String> record = get("auditor", "/api/erasures");
    assertThat(record.getStatusCode().value()).isEqualTo(200);
    assertThat(record.getBody())
        .contains(report.path("erasureId").asText())
        .doesNotContain(customer);
    assertThat(get("reviewer", "/api/erasures").getStatusCode().value()).isEqualTo(403);
  }

  private long casesInHistory() {
    return history
        .createHistoricProcessInstanceQuery()
        .variableValueEquals("customerId", customer)
        .count();
  }

  private JsonNode subjectView() throws Exception {
    return json.readTree(get("supervisor", "/api/subjects/customerId/" + customer).getBody());
  }

  /**
   * A case's called processes (an agent's tool processes hold its arguments and results) go with
   * it, though they do not name the subject themselves; an open one keeps the subject from being
   * erased.
   */
  @Test
  void should_erase_the_processes_a_case_called_and_wait_for_them_to_end() {
    String key = "erasure-caller-" + System.nanoTime();
    BpmnModelInstance called =
        Bpmn.createExecutableProcess(key + "-tool")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("look")
            .endEvent()
            .done();
    BpmnModelInstance caller =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("call-tool")
            .calledElement(key + "-tool")
            .endEvent()
            .done();
    repository
        .createDeployment()
        .addModelInstance(key + "-tool.bpmn", called)
        .addModelInstance(key + ".bpmn", caller)
        .deploy();
    ProcessInstance pi = runtime.startProcessInstanceByKey(key, Map.of("customerId", customer));
    ProcessInstance tool =
        runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    String request = request(customer, "the customer asked to be forgotten");

    assertThat(erase("privacy", request).getBody()).contains(tool.getId());
    decide(tool, "reviewer");
    awaitEnded(pi);
    ResponseEntity<String> done = erase("privacy", request);

    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(done.getBody()).contains(pi.getId()).contains(tool.getId());
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.of(pi.getId(), tool.getId()))
                .count())
        .isZero();
  }

  private ProcessInstance start(String message) {
    return runtime.startProcessInstanceByKey(
        "customer-request",
        Map.of("message", message, "customerId", customer, "customerEmail", "e@customers.example"));
  }

  private static String request(String subjectId, String reason) {
    return "{\"subjectKey\": \"customerId\", \"subjectId\": \"%s\", \"reason\": \"%s\"}"
        .formatted(subjectId, reason);
  }

  private ResponseEntity<String> erase(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .postForEntity("/api/erasures", new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }
}
