package io.baton.mcp;

import io.baton.connectors.extract.SchemaCatalog;
import io.baton.security.starts.StartRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The tools of the deployed processes (the latest version of each), read when the application
 * starts. A tool whose schema disagrees with its process's {@link StartRules} (another set of
 * variables, another variable required, another type) stops the start: callers would be told one
 * thing and refused by the other.
 */
final class ProcessTools {

  private ProcessTools() {}

  static List<ProcessTool> deployed(
      RepositoryService repository, SchemaCatalog schemas, List<StartRules> rules) {
    List<ProcessTool> tools = new ArrayList<>();
    Map<String, String> processByName = new HashMap<>();
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().latestVersion().list()) {
      Process process =
          repository
              .getBpmnModelInstance(definition.getId())
              .getModelElementById(definition.getKey());
      if (process == null) {
        continue;
      }
      ProcessTool.declaredBy(process, schemas)
          .ifPresent(
              tool -> {
                String other = processByName.putIfAbsent(tool.name(), tool.processKey());
                if (other != null && !other.equals(tool.processKey())) {
                  throw new IllegalStateException(
                      "processes '%s' and '%s' both declare MCP tool '%s'"
                          .formatted(other, tool.processKey(), tool.name()));
                }
                rules.stream()
                    .filter(candidate -> candidate.processKey().equals(tool.processKey()))
                    .forEach(match -> StartSchemaAgreement.check(tool, match));
                tools.add(tool);
              });
    }
    return tools;
  }
}
