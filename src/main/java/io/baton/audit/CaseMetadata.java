package io.baton.audit;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the trail keeps about a case besides its entries: its business key, its process and the root
 * case it was called from. Inside an engine command the process instance may not be flushed yet, so
 * it is read from the command's cache; otherwise from the engine's history.
 */
class CaseMetadata {

  record Case(String rootProcessInstanceId, String businessKey, String processDefinitionKey) {}

  private final JdbcTemplate jdbc;

  CaseMetadata(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Case of(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      ExecutionEntity instance = command.getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null) {
        return new Case(
            instance.getRootProcessInstanceId(),
            instance.getBusinessKey(),
            instance.getProcessDefinition() == null
                ? null
                : instance.getProcessDefinition().getKey());
      }
    }
    List<Case> history =
        jdbc.query(
            "SELECT ROOT_PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_ FROM ACT_HI_PROCINST"
                + " WHERE PROC_INST_ID_ = ?",
            (rs, row) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3)),
            processInstanceId);
    return history.isEmpty() ? new Case(null, null, null) : history.get(0);
  }
}
