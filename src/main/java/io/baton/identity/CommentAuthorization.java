package io.baton.identity;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Adding a comment needs the same authorization as changing one. Camunda 7.24's {@code
 * AddCommentCmd} checks none, and the REST API only checks that the user can read the task's
 * history, so an auditor (READ_HISTORY) could write comments. Here a task comment needs TASK_WORK
 * (or UPDATE) on a running task and a process instance comment UPDATE on a running instance, as for
 * {@code UpdateCommentCmd}; finished tasks and instances take comments from admins only.
 */
@Component
class CommentAuthorization extends AbstractProcessEnginePlugin {

  private static final VarHandle TASK_ID =
      CommandFields.of(AddCommentCmd.class, "taskId", String.class);
  private static final VarHandle PROCESS_INSTANCE_ID =
      CommandFields.of(AddCommentCmd.class, "processInstanceId", String.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Check());
  }

  private static final class Check extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AddCommentCmd comment) {
        authorize(
            Context.getCommandContext(),
            (String) TASK_ID.get(comment),
            (String) PROCESS_INSTANCE_ID.get(comment));
      }
      return next.execute(command);
    }
  }

  private static void authorize(CommandContext context, String taskId, String processInstanceId) {
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        refuseUnlessAdmin(context, "TASK_WORK", "Task", taskId);
        return;
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
    } else if (processInstanceId != null) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      if (instance == null) {
        refuseUnlessAdmin(context, "UPDATE", "ProcessInstance", processInstanceId);
        return;
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkUpdateProcessInstanceById(processInstanceId);
      }
    }
  }

  private static void refuseUnlessAdmin(
      CommandContext context, String permission, String resource, String id) {
    boolean checked =
        context.getProcessEngineConfiguration().isAuthorizationEnabled()
            && context.isAuthorizationCheckEnabled()
            && context.getAuthentication() != null;
    if (checked && !context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
      throw new AuthorizationException(
          context.getAuthentication().getUserId(), permission, resource, id);
    }
  }
}
