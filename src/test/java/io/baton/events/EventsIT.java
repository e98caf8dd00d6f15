package io.baton.events;

import static io.baton.events.TestEvents.ARRIVED;
import static io.baton.events.TestEvents.STARTED;
import static io.baton.events.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.support.EngineIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Events over HTTP in the embedded default (H2, no broker): {@code POST /api/events} as user {@code
 * integration} starts a case, continues a waiting one, answers a second delivery with the first
 * one's case, and refuses what it cannot take with a reason, writing nothing.
 */
@EngineIT(properties = "baton.workers.enabled=false")
@TestPropertySource(locations = TestEvents.MAPPINGS)
class EventsIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deploy() {
    TestEvents.deploy(repository);
  }

  ResponseEntity<String> post(String user, String contentType, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    return http.withBasicAuth(user, user)
        .postForEntity("/api/events", new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> post(String body) {
    return post("integration", "application/cloudevents+json", body);
  }

  static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  long cases(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }

  int receipts(String eventId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM baton_event_receipt WHERE event_id = ?", Integer.class, eventId);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void should_start_a_case_with_the_events_data_as_variables() throws Exception {
    String id = id();
    ResponseEntity<String> response =
        post(
            event(
                id,
                STARTED,
                "{\"caseId\":\"C-1\",\"quantity\":40,\"urgent\":true,\"supplier\":{\"id\":\"SUP-7\"}}"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(response).path("duplicate").asBoolean(true)).isFalse();
    String instance = json(response).path("processInstanceId").asText();
    ProcessInstance started =
        runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
    assertThat(started.getBusinessKey()).isEqualTo("C-1");
    Map<String, Object> variables = runtime.getVariables(instance);
    assertThat(variables)
        .containsEntry("caseId", "C-1")
        .containsEntry("quantity", 40)
        .containsEntry("urgent", true)
        .containsEntry("eventId", id)
        .containsEntry("eventType", STARTED)
        .containsEntry("eventSource", "/tests/erp")
        .containsKey("eventTime");
    JsonValue supplier = runtime.getVariableTyped(instance, "supplier");
    assertThat(supplier.getValue().prop("id").stringValue()).isEqualTo("SUP-7");
  }

  @Test
  void should_answer_a_second_delivery_with_the_first_ones_case() throws Exception {
    String event = event(id(), STARTED, "{\"caseId\":\"C-2\"}");
    ResponseEntity<String> first = post(event);

    ResponseEntity<String> second = post(event);

    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(second).path("duplicate").asBoolean()).isTrue();
    assertThat(json(second).path("processInstanceId").asText())
        .isEqualTo(json(first).path("processInstanceId").asText());
    assertThat(cases("C-2")).isEqualTo(1);
  }

  @Test
  void should_start_one_case_when_one_event_arrives_at_once_several_times() throws Exception {
    String event = event(id(), STARTED, "{\"caseId\":\"C-3\"}");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<ResponseEntity<String>>> posts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        posts.add(() -> post(event));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<ResponseEntity<String>> answer : pool.invokeAll(posts)) {
        statuses.add(answer.get().getStatusCode().value());
      }

      assertThat(statuses).containsOnly(201, 200).containsOnlyOnce(201);
      assertThat(cases("C-3")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_continue_the_waiting_case_with_the_business_key() throws Exception {
    String instance =
        json(post(event(id(), STARTED, "{\"caseId\":\"C-4\"}"))).path("processInstanceId").asText();

    ResponseEntity<String> response =
        post(event(id(), ARRIVED, "{\"caseId\":\"C-4\",\"eta\":\"late\"}"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(json(response).path("processInstanceId").asText()).isEqualTo(instance);
    assertThat(runtime.getActiveActivityIds(instance)).containsExactly("look");
    assertThat(runtime.getVariable(instance, "eta")).isEqualTo("late");
    assertThat(runtime.getVariable(instance, "eventType")).isEqualTo(ARRIVED);
  }

  @Test
  void should_refuse_to_correlate_when_no_case_waits_and_keep_no_receipt() throws Exception {
    String id = id();
    ResponseEntity<String> response = post(event(id, ARRIVED, "{\"caseId\":\"C-none\"}"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("detail").asText())
        .isEqualTo("no case with business key C-none waits for message TestEventArrived");
    assertThat(receipts(id)).isZero();
  }

  @Test
  void should_never_start_a_case_when_the_mapping_says_correlate() throws Exception {
    // the message is a start message of test-events, but correlating only continues a case
    String id = id();
    ResponseEntity<String> response =
        post(event(id, "io.baton.test.misrouted", "{\"caseId\":\"C-misrouted\"}"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("detail").asText())
        .isEqualTo("no case with business key C-misrouted waits for message TestEventStarted");
    assertThat(cases("C-misrouted")).isZero();
    assertThat(receipts(id)).isZero();
  }

  @Test
  void should_keep_no_receipt_when_the_start_fails_in_the_engine() throws Exception {
    // the engine creates the case, then finds no way out of its gateway: the receipt written
    // before the start is rolled back with it, so a later delivery can try again
    String id = id();
    String event = event(id, "io.baton.test.broken", "{\"caseId\":\"C-broken\"}");

    ResponseEntity<String> response = post(event);

    assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isTrue();
    assertThat(cases("C-broken")).isZero();
    assertThat(receipts(id)).isZero();
    assertThat(post(event).getStatusCode().is5xxServerError()).isTrue();
    assertThat(receipts(id)).isZero();
  }

  @Test
  void should_refuse_an_event_for_a_process_that_is_not_deployed() throws Exception {
    String id = id();
    ResponseEntity<String> response =
        post(event(id, "io.baton.test.nowhere", "{\"caseId\":\"C-5\"}"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).path("detail").asText())
        .contains("no deployed process starts on message 'NobodyListens'")
        .contains("baton.events.mappings.not-deployed.message");
    assertThat(receipts(id)).isZero();
  }

  @Test
  void should_refuse_a_malformed_or_unmapped_event_with_its_reason_and_start_nothing()
      throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    int receiptsBefore =
        jdbc.queryForObject("SELECT COUNT(*) FROM baton_event_receipt", Integer.class);

    ResponseEntity<String> noId =
        post(
            "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\""
                + STARTED
                + "\",\"data\":{\"caseId\":\"C-6\"}}");
    ResponseEntity<String> badJson = post("{\"specversion\":");
    ResponseEntity<String> textData = post(event(id(), STARTED, "\"C-6\""));
    ResponseEntity<String> noKey = post(event(id(), STARTED, "{\"other\":\"C-6\"}"));
    ResponseEntity<String> unmapped =
        post(event(id(), "io.baton.test.unknown", "{\"caseId\":\"C-6\"}"));

    assertThat(json(noId).path("detail").asText()).contains("it has no id");
    assertThat(json(badJson).path("detail").asText()).contains("the event is not valid JSON");
    assertThat(json(textData).path("detail").asText()).contains("it must be a JSON object");
    assertThat(json(noKey).path("detail").asText())
        .contains("business-key $.caseId) finds nothing in the event's data");
    assertThat(json(unmapped).path("detail").asText())
        .contains("no mapping for event type 'io.baton.test.unknown'");
    for (ResponseEntity<String> response : List.of(noId, badJson, textData, noKey, unmapped)) {
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM baton_event_receipt", Integer.class))
        .isEqualTo(receiptsBefore);
  }

  @Test
  void should_answer_a_batch_per_event() throws Exception {
    String batch =
        "["
            + event(id(), STARTED, "{\"caseId\":\"C-7\"}")
            + ","
            + event(id(), "io.baton.test.unknown", "{}")
            + "]";

    ResponseEntity<String> response =
        post("integration", "application/cloudevents-batch+json", batch);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode answers = json(response);
    assertThat(answers.get(0).path("status").asInt()).isEqualTo(201);
    assertThat(answers.get(0).path("processInstanceId").asText()).isNotBlank();
    assertThat(answers.get(1).path("status").asInt()).isEqualTo(400);
    assertThat(answers.get(1).path("reason").asText()).contains("no mapping for event type");
    assertThat(cases("C-7")).isEqualTo(1);
  }
}
