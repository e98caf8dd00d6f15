package io.baton.requests;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.baton.agents.AgentLoopChecks;
import io.baton.agents.ComplexComplaintChecks;
import io.baton.agents.RefundStandIn;
import io.baton.connectors.email.EmailFunction;
import io.baton.connectors.email.MailDelivery;
import io.baton.connectors.mcp.McpTestServer;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.models.simulator.RecordedRequest;
import io.baton.support.DeliveredMail;
import io.baton.support.EngineIT;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * customer-request with a remote model, switched on by configuration only: the {@code smart} model
 * points at an OpenAI-compatible server (the simulator), which classifies and writes the reply. And
 * a process's budget for the day, end to end in the embedded default: a priced model answers until
 * the next call's worst case does not fit; then the classify task raises BPMN error
 * BUDGET_EXCEEDED, which the diagram catches, and the refusal is in the audit.
 */
@EngineIT
class CustomerRequestRemoteModelIT {

  private static final OpenAiSimulator SIMULATOR = new OpenAiSimulator().requireApiKey("k").start();
  private static final RefundStandIn ERP = RefundStandIn.start();
  private static final McpTestServer MCP = McpTestServer.start();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired MailDelivery mail;

  @DynamicPropertySource
  static void remoteModel(DynamicPropertyRegistry registry) {
    registry.add("baton.models.smart.provider", () -> "openai");
    registry.add("baton.models.smart.model-name", () -> "sim-large");
    registry.add("baton.models.smart.endpoint", SIMULATOR::baseUrl);
    registry.add("baton.models.smart.api-key", () -> "k");
    registry.add("baton.models.smart.price-per-input-token", () -> "0.000002");
    registry.add("baton.models.smart.price-per-output-token", () -> "0.000008");
    registry.add("baton.models.smart.max-tokens", () -> "512");
    registry.add("baton.models.priced.provider", () -> "openai");
    registry.add("baton.models.priced.model-name", () -> "sim-budget");
    registry.add("baton.models.priced.endpoint", SIMULATOR::baseUrl);
    registry.add("baton.models.priced.api-key", () -> "k");
    registry.add("baton.models.priced.price-per-input-token", () -> "0.00001");
    registry.add("baton.models.priced.price-per-output-token", () -> "0.00003");
    registry.add("baton.models.priced.max-tokens", () -> "100");
    // a classification's worst case (its prompt's 2,000 bytes or so as tokens, and 100 answer
    // tokens) is about 0.023 and it costs about 0.006: the first fits the process's budget for the
    // day, then the second's worst case does not
    registry.add("baton.budgets.per-process-per-day.budget-test", () -> "0.025");
    registry.add("baton.tools.http.erp.base-url", ERP::url);
    registry.add("baton.mcp.servers.shop.url", MCP::url);
    registry.add("baton.mcp.servers.shop.bearer-token", () -> McpTestServer.TOKEN);
    registry.add("baton.mcp.servers.shop.without-approval[0]", () -> "lookup_order");
  }

  @AfterAll
  static void stop() {
    SIMULATOR.close();
    ERP.stop();
    MCP.close();
  }

  @Test
  void should_classify_and_draft_with_the_remote_model() throws Exception {
    init(engine);
    SIMULATOR
        .when(Match.userContains("Labels, each with example texts"))
        .replyJson(
            "{\"label\":\"ORDER_STATUS\",\"confidence\":0.96,\"rationale\":\"The customer asks where the parcel is.\"}");
    SIMULATOR
        .when(Match.userContains("Approved reply templates"))
        .reply("Hello C-7, your parcel left our warehouse yesterday and arrives within 3 days.");

    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "customer-request",
            Map.of(
                "message",
                "Where is my parcel? I ordered a week ago.",
                "customerId",
                "C-7",
                "customerEmail",
                "c7@customers.example"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("send-reply"));

    assertThat(runtime.getVariable(pi.getId(), "aiModel")).isEqualTo("smart");
    assertThat(runtime.getVariable(pi.getId(), "rationale"))
        .asString()
        .contains("The customer asks where the parcel is.");
    assertThat(runtime.getVariable(pi.getId(), "replyGenerated")).isEqualTo(true);
    execute(job(pi));
    awaitEnded(pi);

    // the model wrote the reply: it goes out marked as AI-generated (EU AI Act Art. 50)
    assertThat(DeliveredMail.texts(mail, pi))
        .singleElement()
        .asString()
        .isEqualToNormalizingNewlines(
            "Hello C-7, your parcel left our warehouse yesterday and arrives within 3 days."
                + "\n\n-- \nThis message was written with the help of AI.");
    assertThat(DeliveredMail.messages(mail, pi).get(0).getHeader(EmailFunction.AI_GENERATED_HEADER))
        .containsExactly("smart");
    assertThat(
            jdbc.queryForList(
                "SELECT prompt_id || ':' || outcome FROM baton_model_call"
                    + " WHERE process_instance_id = ? AND model = 'smart' ORDER BY id",
                String.class,
                pi.getId()))
        .containsExactly("baton-classify:OK", "baton-draft-reply:OK");
    assertThat(
            jdbc.queryForObject(
                "SELECT SUM(cost) FROM baton_model_call WHERE process_instance_id = ?",
                java.math.BigDecimal.class,
                pi.getId()))
        .isPositive();
  }

  @Test
  void should_raise_budget_exceeded_when_the_next_call_does_not_fit_the_budget() {
    SIMULATOR
        .when(Match.anyRequest())
        .forModel("sim-budget")
        .replyJson(
            "{\"label\":\"REFUND_REQUEST\",\"confidence\":0.9,\"rationale\":\"asks for money\"}");
    repository.createDeployment().addModelInstance("budget.bpmn", twoClassifications()).deploy();

    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "budget-test", Map.of("text", "I want my money back for order 42"));
    awaitEnded(pi);

    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityType("noneEndEvent")
                .list())
        .extracting(HistoricActivityInstance::getActivityId)
        .containsExactly("over-budget");
    assertThat(SIMULATOR.requestsFor("sim-budget")).hasSize(1);
    assertThat(
            jdbc.queryForList(
                "SELECT activity_id || ':' || outcome FROM baton_model_call"
                    + " WHERE process_instance_id = ? ORDER BY id",
                String.class,
                pi.getId()))
        .containsExactly("first:OK", "second:BUDGET_EXCEEDED");
    assertThat(
            jdbc.queryForObject(
                "SELECT error FROM baton_model_call WHERE process_instance_id = ?"
                    + " AND outcome = 'BUDGET_EXCEEDED'",
                String.class,
                pi.getId()))
        .contains("process 'budget-test'")
        .contains("baton.budgets.per-process-per-day");
  }

  /**
   * A second request from the same customer uses what the first one taught: the reviewer's
   * correction of the first case's label reaches the remote model with the second message.
   */
  @Nested
  class SecondRequest {

    @Test
    void should_send_the_customers_earlier_case_and_its_correction_to_the_model() {
      SIMULATOR.reset();
      SIMULATOR
          .when(Match.userContains("juicer JX-9"))
          .replyJson(
              "{\"label\":\"REFUND_REQUEST\",\"confidence\":0.9,\"rationale\":\"wants money\"}");
      SIMULATOR
          .when(Match.userContains("parcel PX-4"))
          .replyJson(
              "{\"label\":\"ORDER_STATUS\",\"confidence\":0.96,\"rationale\":\"asks where\"}");
      SIMULATOR.otherwise().reply("Hello, we are looking into it.");
      String customer = "R-" + System.nanoTime();

      ProcessInstance first =
          startFor(customer, "My juicer JX-9 broke after a day, I want my money back.");
      awaitWaitingAt(first, "review-ai-suggestion");
      decide(first, "reviewer", "reviewDecision", "CHANGE_LABEL", "correctedLabel", "COMPLAINT");
      awaitWaitingAt(first, "review-ai-suggestion");

      ProcessInstance second = startFor(customer, "Where is my parcel PX-4? It is late.");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> runtime.getActiveActivityIds(second.getId()).contains("send-reply"));

      String told = "Earlier cases of the same customerId, newest first:\n- ";
      String firstCase =
          ": COMPLAINT (a reviewer corrected the AI's REFUND_REQUEST), open, waiting for approval"
              + " FIRST and SECOND, routed REQUIRE_APPROVAL, reviewer corrected the label to"
              + " COMPLAINT";
      assertThat(
              SIMULATOR.requests().stream()
                  .map(RecordedRequest::lastUserMessage)
                  .filter(text -> text.contains("parcel PX-4")))
          .as("the classification and the draft of the second request")
          .hasSize(2)
          .allSatisfy(text -> assertThat(text).contains(told).endsWith(firstCase));
      assertThat(
              SIMULATOR.requests().stream()
                  .map(RecordedRequest::lastUserMessage)
                  .filter(text -> text.contains("juicer JX-9")))
          .as("the first request was its customer's first")
          .isNotEmpty()
          .noneSatisfy(text -> assertThat(text).contains("Earlier cases"));
      assertThat(
              jdbc.queryForList(
                  "SELECT prompt_id || ':' || prompt_version FROM baton_model_call"
                      + " WHERE process_instance_id = ? ORDER BY id",
                  String.class,
                  second.getId()))
          .containsExactly("baton-classify:2", "baton-draft-reply:2");
      // an open complaint (medium risk) of another kind does not hold the parcel question back
      assertThat(runtime.getVariable(second.getId(), "route")).isEqualTo("AUTO_EXECUTE");
    }

    private ProcessInstance startFor(String customer, String message) {
      return runtime.startProcessInstanceByKey(
          "customer-request",
          Map.of(
              "message", message, "customerId", customer, "customerEmail", "r@customers.example"));
    }
  }

  private static BpmnModelInstance twoClassifications() {
    return Bpmn.createExecutableProcess("budget-test")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("first")
        .camundaExternalTask("baton.classify")
        .camundaInputParameter("model", "priced")
        .camundaInputParameter("labelSet", "customer-intents")
        .serviceTask("second")
        .camundaExternalTask("baton.classify")
        .camundaInputParameter("model", "priced")
        .camundaInputParameter("labelSet", "customer-intents")
        .boundaryEvent("budget-spent")
        .error("BUDGET_EXCEEDED")
        .endEvent("over-budget")
        .moveToActivity("second")
        .endEvent("done")
        .done();
  }

  /** Agents whose loop is drawn in BPMN, in this context (the simulator as model smart). */
  @Nested
  class Agents extends AgentLoopChecks {

    @Override
    protected OpenAiSimulator simulator() {
      return SIMULATOR;
    }

    @Override
    protected RefundStandIn erp() {
      return ERP;
    }

    @Override
    protected McpTestServer mcp() {
      return MCP;
    }
  }

  /** complex-complaint, the multi-agent demo, in this context. */
  @Nested
  class ComplexComplaint extends ComplexComplaintChecks {

    @Override
    protected OpenAiSimulator simulator() {
      return SIMULATOR;
    }

    @Override
    protected RefundStandIn erp() {
      return ERP;
    }
  }
}
