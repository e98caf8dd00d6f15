package io.baton.subjects;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A customer's cases across requests, on the customer-request process with the local model: an open
 * refund case keeps the next request from being answered automatically, the next case is told what
 * happened to the earlier ones, and {@code GET /api/subjects/...} shows where they stand. Runs
 * nested in {@code CustomerRequestPostgresIT}, in its application.
 */
public abstract class SubjectCaseChecks {

  private static final String REFUND =
      "Please give me my money back for order 7781, I returned it.";
  private static final String PARCEL =
      "Has my package been sent out yet? I cannot find any tracking link.";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TestRestTemplate http;

  private final ObjectMapper json = new ObjectMapper();
  private String customer;

  /** The demo users' passwords are their names. */
  protected String password(String user) {
    return user;
  }

  @BeforeEach
  void aNewCustomer() {
    init(engine);
    customer = "S-" + System.nanoTime();
  }

  @Test
  void should_hold_back_a_customer_with_an_open_refund_case_and_tell_the_next_case_what_happened()
      throws Exception {
    ProcessInstance refund = start(REFUND);
    awaitWaitingAt(refund, "review-ai-suggestion");
    assertThat(runtime.getVariable(refund.getId(), "finalIntent")).isEqualTo("REFUND_REQUEST");
    assertThat(runtime.getVariable(refund.getId(), "earlierCasesText")).isEqualTo("");

    // the same question that is answered automatically for a customer without an open case
    ProcessInstance parcel = start(PARCEL);
    awaitWaitingAt(parcel, "review-ai-suggestion");
    assertThat(runtime.getVariable(parcel.getId(), "finalIntent")).isEqualTo("ORDER_STATUS");
    assertThat(runtime.getVariable(parcel.getId(), "openCaseRisk")).isEqualTo("HIGH");
    assertThat(runtime.getVariable(parcel.getId(), "openCasesSameLabel")).isEqualTo(0);
    assertThat(runtime.getVariable(parcel.getId(), "route")).isEqualTo("SUGGEST");
    assertThat((String) runtime.getVariable(parcel.getId(), "routeReason"))
        .contains("open high-risk case");
    assertThat((String) runtime.getVariable(parcel.getId(), "earlierCasesText"))
        .startsWith("Earlier cases of the same customerId, newest first:\n- ")
        .endsWith(
            ": REFUND_REQUEST, open, waiting for approval FIRST and SECOND,"
                + " routed REQUIRE_APPROVAL");
    JsonNode rows = json.readTree(runtime.getVariable(parcel.getId(), "earlierCases").toString());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("case").asText()).isEqualTo(refund.getId());
    assertThat(rows.get(0).path("label").asText()).isEqualTo("REFUND_REQUEST");

    JsonNode state = state("reviewer", 200);
    assertThat(state.path("openCases")).hasSize(2);
    assertThat(state.at("/openCases/0/processInstanceId").asText()).isEqualTo(parcel.getId());
    assertThat(state.at("/openCases/1/pendingApprovals").toString())
        .isEqualTo("[\"FIRST\",\"SECOND\"]");
    assertThat(state.path("pendingApprovals").asInt()).isEqualTo(3);
    assertThat(state.path("lastDecision").isNull()).isTrue();

    decide(refund, "reviewer", "reviewDecision", "REJECT", "rejectReason", "not returned yet");
    decide(parcel, "reviewer", "reviewDecision", "APPROVE");
    execute(job(parcel));
    awaitEnded(parcel);

    // with no open case left, the customer is answered automatically again, and the case knows
    ProcessInstance again = start(PARCEL);
    awaitWaitingAt(again, "send-reply");
    assertThat(runtime.getVariable(again.getId(), "route")).isEqualTo("AUTO_EXECUTE");
    assertThat(((String) runtime.getVariable(again.getId(), "earlierCasesText")).lines().skip(1))
        .satisfiesExactly(
            newest ->
                assertThat(newest)
                    .endsWith(
                        ": ORDER_STATUS, closed (Request answered), routed SUGGEST,"
                            + " reviewer approved"),
            older ->
                assertThat(older)
                    .endsWith(
                        ": REFUND_REQUEST, closed (Request rejected), routed REQUIRE_APPROVAL,"
                            + " reviewer rejected it"));

    state = state("operator", 200);
    assertThat(state.path("openCases")).hasSize(1);
    assertThat(state.path("pendingApprovals").asInt()).isZero();
    assertThat(state.at("/lastDecision/processInstanceId").asText()).isEqualTo(parcel.getId());
    assertThat(state.at("/lastDecision/decision/decision").asText()).isEqualTo("APPROVE");
    assertThat(state.at("/cases/2/outcome").asText()).isEqualTo("Request rejected");
    assertThat(state.at("/cases/2/lastDecision/reviewer").asText()).isEqualTo("reviewer");
  }

  @Test
  void should_refuse_a_bad_subject_request_and_users_outside_the_groups() throws Exception {
    assertThat(get("reviewer", "/api/subjects/customerId/" + customer + "?limit=0").getBody())
        .contains("limit must be from 1 to 100, not 0");
    assertThat(get("reviewer", "/api/subjects/customer-id/C-1").getBody())
        .contains("a subject key is a variable name");
    assertThat(get("reviewer", "/api/subjects/customerId/" + "x".repeat(256)).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/subjects/customerId/" + customer).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/subjects/customerId/" + customer, String.class))
        .extracting(ResponseEntity::getStatusCode)
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(state("supervisor", 200).path("cases")).isEmpty();
  }

  private ProcessInstance start(String message) {
    return runtime.startProcessInstanceByKey(
        "customer-request",
        Map.of("message", message, "customerId", customer, "customerEmail", "s@customers.example"));
  }

  private JsonNode state(String user, int status) throws Exception {
    ResponseEntity<String> response = get(user, "/api/subjects/customerId/" + customer);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, password(user)).getForEntity(path, String.class);
  }
}
