package io.baton.workers;

import static io.baton.support.ProcessInstances.awaitEnded;
import static io.baton.support.ProcessInstances.historic;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.mcp.McpCallFunction;
import io.baton.connectors.mcp.McpCallRequest;
import io.baton.connectors.mcp.McpTestServer;
import io.baton.models.mcp.McpServers;
import io.baton.support.ToolTasks;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.task.impl.ExternalTaskImpl;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code mcp-call} tool as the worker runs it, against a real MCP server and the engine's
 * effect ledger: the worker calls the tool and sets its answer, a tool error takes the diagram's
 * error path, and an attempt that runs again under the same idempotency key returns the recorded
 * result without calling the tool again. Runs nested in {@link WorkersOverRestIT}.
 */
abstract class McpToolChecks {

  private static final String PROCESS = "mcp-refund";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ExternalTaskService externalTasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired Validator validator;

  private McpTestServer shop;
  private McpServers servers;
  private WorkerRuntime worker;

  @BeforeEach
  void startServerAndDeploy() {
    shop = McpTestServer.start();
    servers = new McpServers(shop.properties());
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repository.createDeployment().addModelInstance(PROCESS + ".bpmn", refundProcess()).deploy();
    }
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.stop();
    }
    servers.destroy();
    shop.close();
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS)
        .list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test isolation"));
  }

  @Test
  void the_worker_calls_the_tool_and_a_tool_error_takes_the_error_path() {
    ProcessInstance refund = start("O-1");
    ProcessInstance unknown = start("O-404");
    startWorker();

    awaitEnded(refund);
    awaitEnded(unknown);
    assertThat(historic(refund, "result")).isEqualTo("refunded 10\n[image content image/png]");
    assertThat(historic(refund, "isError")).isEqualTo(false);
    assertThat(endEvent(refund)).isEqualTo("refunded");
    assertThat(endEvent(unknown)).isEqualTo("refused");
    assertThat(historic(unknown, "result")).isEqualTo("no order O-404");
    assertThat(shop.refunds()).isEqualTo(1);
    assertThat(shop.refundKeys()).containsExactly(effectKey(refund));
  }

  @Test
  void an_attempt_under_the_same_idempotency_key_returns_the_recorded_result_without_acting() {
    ProcessInstance pi = start("O-2");
    ExternalTask task =
        externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).singleResult();
    ToolRunner runner =
        new ToolRunner(
            new EffectLedgerClient(
                new EngineClient(TestWorkers.engineRest(port), "worker", "worker-dev-only")),
            new VariableBinding(validator),
            "baton.mcp-call",
            "mcp-test",
            Duration.ofSeconds(30));
    McpCallFunction tool = new McpCallFunction(servers);
    McpCallRequest input =
        new McpCallRequest("shop/issue_refund", Map.of("orderId", "O-2", "amount", 10));

    Map<String, Object> first = runner.actOnce(tool, clientView(task), input);
    Map<String, Object> second = runner.actOnce(tool, clientView(task), input);

    assertThat(first).containsEntry("result", "refunded 10\n[image content image/png]");
    assertThat(second).isEqualTo(first);
    assertThat(shop.refunds()).as("the tool acted once").isEqualTo(1);
    assertThat(
            jdbc.queryForMap(
                "SELECT state, attempts FROM baton_effect WHERE process_instance_id = ?",
                pi.getId()))
        .containsEntry("STATE", "DONE")
        .containsEntry("ATTEMPTS", 1);
  }

  private void startWorker() {
    TopicSettings settings =
        new TopicSettings(
            Duration.ofSeconds(10), 2, 2, 1, Duration.ofMillis(100), Duration.ofMinutes(1));
    worker =
        new WorkerRuntime(
            WorkerRuntimeChecks.properties(TestWorkers.engineRest(port), "mcp-worker", settings),
            List.of(new McpCallFunction(servers)),
            new VariableBinding(validator));
    worker.start(TestWorkers.engineRest(port));
  }

  private ProcessInstance start(String orderId) {
    return runtime.startProcessInstanceByKey(
        PROCESS,
        // a mutable map: the engine reads the JSON variable back into its type
        Map.of("arguments", new HashMap<>(Map.of("orderId", orderId, "amount", 10))));
  }

  /** The task as the external task client sees it: what the tool runner reads of it. */
  private static ExternalTaskImpl clientView(ExternalTask task) {
    ExternalTaskImpl view = new ExternalTaskImpl();
    view.setId(task.getId());
    view.setProcessInstanceId(task.getProcessInstanceId());
    view.setActivityId(task.getActivityId());
    view.setActivityInstanceId(task.getActivityInstanceId());
    return view;
  }

  private String effectKey(ProcessInstance pi) {
    return jdbc.queryForObject(
        "SELECT idempotency_key FROM baton_effect WHERE process_instance_id = ?",
        String.class,
        pi.getId());
  }

  private String endEvent(ProcessInstance pi) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId())
        .activityType("noneEndEvent")
        .singleResult()
        .getActivityId();
  }

  private static BpmnModelInstance refundProcess() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("refund")
            .camundaExternalTask("baton.mcp-call")
            .camundaInputParameter("tool", "shop/issue_refund")
            .camundaInputParameter("arguments", "${arguments}")
            .endEvent("refunded")
            .moveToActivity("refund")
            .boundaryEvent("tool-error")
            .error(McpCallFunction.MCP_TOOL_ERROR)
            .endEvent("refused")
            .done();
    // the ledger is under test here, not approvals
    return ToolTasks.approval(model, "refund", "none");
  }
}
