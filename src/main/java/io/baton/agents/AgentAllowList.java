package io.baton.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.baton.connectors.agent.AgentTool;
import io.baton.governance.ElementProperties;
import io.baton.models.StrictJson;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Start listener of every agent task ({@code ${agentAllowList}}, wired by Baton's parse listener):
 * resolves the tools the diagram allows ({@value #TOOLS}, comma-separated) and hands them to the
 * task as {@value #VARIABLE}. The allow-list is the diagram's, never the model's or a variable's; a
 * tool that does not exist stops the task with the names of those that do.
 */
@Component("agentAllowList")
public class AgentAllowList implements ExecutionListener {

  public static final String TOOLS = "baton.agent.tools";
  public static final String VARIABLE = "agentTools";

  private final AgentToolCatalog catalog;

  AgentAllowList(AgentToolCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<AgentTool> tools =
        catalog.resolve(
            ElementProperties.of(execution).list(TOOLS), execution.getCurrentActivityId());
    try {
      // local to the agent task (its input mappings make it a scope of its own)
      execution.setVariableLocal(
          VARIABLE, SpinValues.jsonValue(StrictJson.MAPPER.writeValueAsString(tools)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the agent's tools as JSON", e);
    }
  }
}
