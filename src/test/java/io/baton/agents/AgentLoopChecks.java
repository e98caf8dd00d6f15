package io.baton.agents;

import static io.baton.support.ProcessInstances.awaitCalled;
import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static io.baton.support.ProcessInstances.decide;
import static io.baton.support.ProcessInstances.historic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.baton.connectors.mcp.McpTestServer;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.models.simulator.RecordedRequest;
import io.baton.models.simulator.Reply.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Agents whose loop is drawn in BPMN, against the OpenAI-compatible simulator as model {@code
 * smart} (langchain4j's real HTTP client): turns, tool calls in parallel as tool processes, the
 * allow-list and schema checks, each limit's BPMN error, the multi-agent complex-complaint with its
 * critic loop and a refund a person approves, and a turn retried after its worker lost the task.
 * Runs in the context of a class that points {@code smart} at {@link #simulator} and the {@code
 * erp} endpoint at {@link #erp}.
 */
public abstract class AgentLoopChecks {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ExternalTaskService externalTasks;
  @Autowired JdbcTemplate jdbc;

  protected abstract OpenAiSimulator simulator();

  protected abstract RefundStandIn erp();

  /** The MCP server configured as {@code shop}, its lookup_order without approval. */
  protected abstract McpTestServer mcp();

  @BeforeEach
  void fresh() {
    init(engine);
    simulator().reset();
  }

  @Test
  void should_run_a_turns_tool_calls_as_tool_processes_and_feed_their_results_back() {
    String q = tag("Q");
    simulator()
        .when(Match.userContains(q).and(Match.lastMessageContains(q)))
        .replyToolCalls(
            new ToolCall("search-policy", "{\"query\":\"refund for a damaged part\"}"),
            new ToolCall("check-stock", "{\"sku\":\"PUMP-200\"}"));
    simulator().when(Match.userContains(q)).reply("Findings " + q + ": refund or replacement.");

    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "research-complaint", Map.of("question", q + " What is due for a damaged pump?"));
    awaitEnded(pi);

    assertThat(historic(pi, "findings")).isEqualTo("Findings " + q + ": refund or replacement.");
    List<RecordedRequest> asked = requestsWith(q);
    assertThat(asked).hasSize(2);
    assertThat(asked.get(0).tools()).containsExactlyInAnyOrder("search-policy", "check-stock");
    // the second turn reads both results, each in a message of role tool
    assertThat(asked.get(1).messages())
        .filteredOn(m -> m.role().equals("tool"))
        .extracting(RecordedRequest.Message::content)
        .satisfiesExactly(
            policy -> assertThat(policy).contains("passages").contains("refunds.md"),
            stock -> assertThat(stock).contains("rotterdam"));
    // every turn and every tool call is in the history
    assertThat(activities(pi, "research")).hasSize(2);
    assertThat(calledProcesses(pi)).containsExactlyInAnyOrder("search-policy", "check-stock");
    assertThat(conversation(pi, "research"))
        .containsExactly(
            "1/1 ASSISTANT",
            "1/2 TOOL_RESULT search-policy",
            "1/3 TOOL_RESULT check-stock",
            "2/1 ASSISTANT");
  }

  @Test
  void should_refuse_a_tool_off_the_allow_list_and_arguments_that_fail_the_schema() {
    String q = tag("Q");
    simulator()
        .when(Match.userContains(q).and(Match.lastMessageContains(q)))
        .replyToolCalls(
            new ToolCall(
                "issue-refund", "{\"orderId\":\"O-1\",\"amount\":10,\"reason\":\"why not\"}"),
            new ToolCall("check-stock", "{\"sku\":\"pump 200; DROP TABLE inventory\"}"));
    simulator().when(Match.userContains(q)).reply("Nothing found.");

    ProcessInstance pi =
        runtime.startProcessInstanceByKey("research-complaint", Map.of("question", q + " Stock?"));
    awaitEnded(pi);

    assertThat(calledProcesses(pi)).isEmpty();
    assertThat(requestsWith(q).get(1).messages())
        .filteredOn(m -> m.role().equals("tool"))
        .extracting(RecordedRequest.Message::content)
        .satisfiesExactly(
            offList ->
                assertThat(offList)
                    .startsWith("refused: tool 'issue-refund' is not one this agent may call"),
            badArguments ->
                assertThat(badArguments)
                    .startsWith(
                        "refused: the arguments of 'check-stock' do not fit its input schema"));
  }

  @ParameterizedTest(name = "{0}={1} ends in {2}")
  @CsvSource({
    "maxTurns, 1, AGENT_MAX_TURNS",
    "maxModelCalls, 1, AGENT_MAX_MODEL_CALLS",
    "maxTokens, 10, AGENT_MAX_TOKENS",
    "maxCost, 0.000001, AGENT_MAX_COST"
  })
  void should_end_in_the_limits_own_bpmn_error(String limit, String value, String error) {
    String q = tag("Q");
    simulator().when(Match.userContains(q)).replyToolCall("check-stock", "{\"sku\":\"PUMP-200\"}");
    String key = AgentDiagrams.deployLoop(repository, "smart", Map.of(limit, value));

    ProcessInstance pi = runtime.startProcessInstanceByKey(key, Map.of("question", q));
    awaitEnded(pi);

    assertThat(historic(pi, "agentError")).isEqualTo(error);
    assertThat(requestsWith(q)).hasSize(1);
    assertThat(activities(pi, "stopped")).hasSize(1);
  }

  @Test
  void should_end_in_no_generative_model_with_the_offline_model() {
    String key = AgentDiagrams.deployLoop(repository, "local", Map.of());

    ProcessInstance pi = runtime.startProcessInstanceByKey(key, Map.of("question", tag("Q")));
    awaitEnded(pi);

    assertThat(historic(pi, "agentError")).isEqualTo("NO_GENERATIVE_MODEL");
    assertThat((String) historic(pi, "agentErrorMessage"))
        .contains("model 'local' is not generative");
  }

  /**
   * A worker that loses its task during a turn (its lock expires, as when it is killed) does not
   * make the turn twice: the task is fetched again and the model asked at most once more, the turn
   * is kept once, and its tool call runs once.
   */
  @Test
  void should_ask_the_model_at_most_once_more_when_a_worker_loses_the_turn() {
    String q = tag("Q");
    simulator()
        .when(Match.userContains(q).and(Match.lastMessageContains(q)))
        .after(Duration.ofSeconds(2))
        .replyToolCall("check-stock", "{\"sku\":\"PUMP-200\"}");
    simulator().when(Match.userContains(q)).reply("In stock in Rotterdam.");

    ProcessInstance pi =
        runtime.startProcessInstanceByKey("research-complaint", Map.of("question", q + " Stock?"));
    await().atMost(Duration.ofSeconds(30)).until(() -> requestsWith(q).size() == 1);
    // the worker holding the turn is gone: its lock is taken back, and another fetch gets the task
    externalTasks.unlock(
        externalTasks
            .createExternalTaskQuery()
            .processInstanceId(pi.getId())
            .activityId("research")
            .singleResult()
            .getId());
    awaitEnded(pi);

    List<RecordedRequest> firstTurn =
        requestsWith(q).stream().filter(r -> r.lastMessage().contains(q)).toList();
    assertThat(firstTurn).hasSizeBetween(1, 2);
    assertThat(calledProcesses(pi)).containsExactly("check-stock");
    assertThat(conversation(pi, "research"))
        .containsExactly("1/1 ASSISTANT", "1/2 TOOL_RESULT check-stock", "2/1 ASSISTANT");
    assertThat(
            jdbc.queryForObject(
                "SELECT model_calls FROM baton_agent_conversation WHERE conversation_id = ?",
                Integer.class,
                pi.getId() + "/research"))
        .isEqualTo(firstTurn.size() + 1);
  }

  /**
   * MCP in: an agent calls tools of a real MCP server like any other tool; the one configured
   * without approval runs at once, the one that changes something waits for a person's approval of
   * its exact arguments, and then acts once.
   */
  @Test
  void should_call_mcp_tools_with_the_approval_their_server_configuration_asks_for() {
    String q = tag("Q");
    simulator()
        .when(Match.userContains(q).and(Match.lastMessageContains(q)))
        .replyToolCalls(
            new ToolCall("shop_lookup_order", "{\"orderId\":\"O-7\"}"),
            new ToolCall("shop_issue_refund", "{\"orderId\":\"O-7\",\"amount\":25}"));
    simulator().when(Match.userContains(q)).reply("Order O-7 shipped; refunded 25.");
    String key =
        AgentDiagrams.deployLoop(
            repository, "smart", Map.of(), "shop_lookup_order,shop_issue_refund");
    int refundsBefore = mcp().refunds();

    ProcessInstance pi = runtime.startProcessInstanceByKey(key, Map.of("question", q));
    ProcessInstance refund =
        awaitCalled(pi, query -> query.variableValueEquals("tool", "shop/issue_refund"));
    awaitWaitingAt(refund, "approve-mcp-call");
    assertThat(mcp().refunds()).isEqualTo(refundsBefore);
    decide(refund, "reviewer", "reviewDecision", "APPROVE");
    execute(job(refund));
    awaitEnded(pi);

    assertThat(mcp().refunds()).isEqualTo(refundsBefore + 1);
    assertThat(requestsWith(q).get(1).messages())
        .filteredOn(m -> m.role().equals("tool"))
        .extracting(RecordedRequest.Message::content)
        .satisfiesExactly(
            lookup -> assertThat(lookup).contains("shipped").contains("\"isError\":false"),
            refunded ->
                assertThat(refunded)
                    .contains("refunded 25")
                    .contains("\"reviewDecision\":\"APPROVE\""));
  }

  private static String tag(String kind) {
    return "[" + kind + "-" + UUID.randomUUID().toString().substring(0, 8) + "]";
  }

  List<RecordedRequest> requestsWith(String text) {
    return simulator().requests().stream()
        .filter(r -> r.messages().stream().anyMatch(m -> m.content().contains(text)))
        .toList();
  }

  List<HistoricActivityInstance> activities(ProcessInstance pi, String activityId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .list();
  }

  List<String> calledProcesses(ProcessInstance pi) {
    return history
        .createHistoricProcessInstanceQuery()
        .superProcessInstanceId(pi.getId())
        .list()
        .stream()
        .map(HistoricProcessInstance::getProcessDefinitionKey)
        .toList();
  }

  List<String> conversation(ProcessInstance pi, String activityId) {
    return jdbc.queryForList(
        "SELECT turn || '/' || position || ' ' || role"
            + " || CASE WHEN tool_name IS NULL THEN '' ELSE ' ' || tool_name END"
            + " FROM baton_agent_message WHERE conversation_id = ? ORDER BY turn, position",
        String.class,
        pi.getId() + "/" + activityId);
  }
}
