package io.baton.security.starts;

import java.util.List;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;

/**
 * Command interceptor that keeps for {@code camunda-admin} the commands that start an instance at
 * an activity of one's choosing or move a running one (start instructions, modification, restart,
 * migration): they can skip start listeners, input mappings and the steps a case must pass. Anyone
 * else gets 403, whatever their authorizations say.
 */
public class AdminOnlyCommands extends CommandInterceptor {

  private static final List<Class<?>> ADMIN_ONLY =
      List.of(
          StartProcessInstanceAtActivitiesCmd.class,
          ModifyProcessInstanceCmd.class,
          ModifyProcessInstanceAsyncCmd.class,
          AbstractModificationCmd.class,
          AbstractRestartProcessInstanceCmd.class,
          RestartProcessInstancesBatchCmd.class,
          AbstractMigrationCmd.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (ADMIN_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
      Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
    }
    return next.execute(command);
  }
}
