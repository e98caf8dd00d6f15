package io.baton.agents;

import io.baton.connectors.agent.AgentTool;
import io.baton.connectors.agent.AgentToolSource;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.governance.ElementProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * The tool processes: the latest version of each deployed process that declares itself a tool
 * ({@value #INPUT_SCHEMA}, and {@value #DESCRIPTION}, {@value #APPROVAL}, {@value #RESULT}) on its
 * process element. An analyst adds a tool by drawing it in {@code processes/tools/}; the tool's
 * name is the process id.
 */
@Component
class ToolProcesses implements AgentToolSource {

  static final String INPUT_SCHEMA = "baton.tool.inputSchema";
  static final String DESCRIPTION = "baton.tool.description";
  static final String APPROVAL = "baton.tool.approval";
  static final String RESULT = "baton.tool.result";

  private final RepositoryService repository;
  private final IdentityService identity;
  private final SchemaCatalog schemas;

  ToolProcesses(RepositoryService repository, IdentityService identity, SchemaCatalog schemas) {
    this.repository = repository;
    this.identity = identity;
    this.schemas = schemas;
  }

  @Override
  public List<AgentTool> tools() {
    return asEngine(this::deployedTools);
  }

  private List<AgentTool> deployedTools() {
    List<AgentTool> tools = new ArrayList<>();
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().latestVersion().active().list()) {
      ElementProperties properties = properties(definition);
      String schemaId = properties.get(INPUT_SCHEMA);
      if (schemaId != null) {
        tools.add(
            new AgentTool(
                definition.getKey(),
                properties.get(DESCRIPTION),
                schemas.get(schemaId),
                AgentTool.Kind.PROCESS,
                definition.getKey(),
                needsApproval(definition.getKey(), properties.get(APPROVAL))));
      }
    }
    return tools;
  }

  /** The names of the variables a tool process returns as its result. */
  List<String> resultVariables(String processKey) {
    return asEngine(
        () -> {
          ProcessDefinition definition =
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(processKey)
                  .latestVersion()
                  .singleResult();
          return definition == null ? List.<String>of() : properties(definition).list(RESULT);
        });
  }

  /**
   * Reads the deployed diagrams as the engine: an agent's tools are resolved while a worker
   * completes a task, and the worker's account may not read diagrams.
   */
  private <T> T asEngine(Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  private ElementProperties properties(ProcessDefinition definition) {
    return ElementProperties.of(
        (Process)
            repository
                .getBpmnModelInstance(definition.getId())
                .getModelElementById(definition.getKey()));
  }

  /** A tool needs approval unless it says {@code none}; anything else than the two is refused. */
  private static boolean needsApproval(String tool, String approval) {
    if (approval == null || approval.equals("required")) {
      return true;
    }
    if (approval.equals("none")) {
      return false;
    }
    throw new IllegalStateException(
        "tool process '%s' has %s '%s'; it must be required or none"
            .formatted(tool, APPROVAL, approval));
  }
}
