package io.baton.agents;

import io.baton.support.ToolTasks;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;

/** Test diagrams: the smallest agent loop, drawn as the agent template says. */
final class AgentDiagrams {

  private AgentDiagrams() {}

  /**
   * Deploys a loop of agent task {@code agent} (the researcher's prompt, allowed to call {@code
   * check-stock}) with the given limits; any BPMN error it raises ends the case at {@code stopped}
   * with {@code agentError} and {@code agentErrorMessage}.
   *
   * @return the key of the deployed process
   */
  static String deployLoop(RepositoryService repository, String model, Map<String, String> limits) {
    return deployLoop(repository, model, limits, "check-stock");
  }

  /** The same loop, allowed to call {@code tools} (comma-separated). */
  static String deployLoop(
      RepositoryService repository, String model, Map<String, String> limits, String tools) {
    String key = "agent-loop-" + UUID.randomUUID().toString().substring(0, 8);
    ServiceTaskBuilder agent =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .exclusiveGateway("turn-merge")
            .serviceTask("agent")
            .camundaExternalTask("baton.agent")
            .camundaInputParameter("model", model)
            .camundaInputParameter("promptId", "complaint-researcher")
            .camundaInputParameter("promptVersion", "1");
    limits.forEach(agent::camundaInputParameter);
    BpmnModelInstance diagram =
        agent
            .boundaryEvent("agent-stopped")
            .errorEventDefinition()
            .errorCodeVariable("agentError")
            .errorMessageVariable("agentErrorMessage")
            .errorEventDefinitionDone()
            .endEvent("stopped")
            .moveToActivity("agent")
            .exclusiveGateway("done")
            .condition("answered", "${agentDone}")
            .endEvent("answered")
            .moveToLastGateway()
            .condition("tool calls", "${!agentDone}")
            .callActivity("run-tools")
            .calledElement("${toolCall.prop(\"process\").stringValue()}")
            .camundaVariableMappingDelegateExpression("${agentToolCall}")
            .multiInstance()
            .camundaCollection("${agentToolCalls.elements()}")
            .camundaElementVariable("toolCall")
            .multiInstanceDone()
            .connectTo("turn-merge")
            .done();
    ToolTasks.property(diagram, "agent", "baton.agent.tools", tools);
    repository.createDeployment().addModelInstance(key + ".bpmn", diagram).deploy();
    return key;
  }
}
