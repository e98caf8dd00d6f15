package io.baton.models;

import static io.baton.support.ProcessInstances.awaitEnded;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.support.EngineIT;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A case's model budget, end to end in the embedded default: a priced remote model answers until
 * the case has spent its budget; then the classify task raises BPMN error BUDGET_EXCEEDED, which
 * the diagram catches, and the refusal is in the audit.
 */
@EngineIT
class ModelBudgetIT {

  private static final OpenAiSimulator SIMULATOR = new OpenAiSimulator().start();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void pricedModel(DynamicPropertyRegistry registry) {
    registry.add("baton.models.priced.provider", () -> "openai");
    registry.add("baton.models.priced.model-name", () -> "sim-large");
    registry.add("baton.models.priced.endpoint", SIMULATOR::baseUrl);
    registry.add("baton.models.priced.price-per-input-token", () -> "0.00001");
    registry.add("baton.models.priced.price-per-output-token", () -> "0.00003");
    registry.add("baton.models.priced.max-tokens", () -> "100");
    // a classification's worst case (its prompt's 2,000 bytes or so as tokens, and 100 answer
    // tokens) is about 0.023 and it costs about 0.006: the first fits the budget, then the
    // second's worst case does not
    registry.add("baton.budgets.per-case", () -> "0.025");
  }

  @AfterAll
  static void stop() {
    SIMULATOR.close();
  }

  @Test
  void should_raise_budget_exceeded_once_the_case_has_spent_its_budget() {
    SIMULATOR
        .when(Match.anyRequest())
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
    assertThat(SIMULATOR.requests()).hasSize(1);
    assertThat(
            jdbc.queryForList(
                "SELECT activity_id || ':' || outcome FROM baton_model_call"
                    + " WHERE process_instance_id = ? ORDER BY id",
                String.class,
                pi.getId()))
        .containsExactly("first:OK", "second:BUDGET_EXCEEDED");
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
}
