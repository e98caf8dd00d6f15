package io.baton.security;

import io.baton.identity.BatonGroups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Command interceptor that keeps the workers' service account to external tasks. External tasks
 * need the {@code UPDATE} permission on process instances, which would also let the account set any
 * variable, modify or delete any instance; here a member of {@code workers} may run external- task
 * commands and read queries (which the engine's authorizations filter), and nothing else.
 */
class WorkerCommands extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    Authentication current = Context.getCommandContext().getAuthentication();
    if (current != null
        && current.getGroupIds() != null
        && current.getGroupIds().contains(BatonGroups.WORKERS)
        && !allowed(command)) {
      throw new AuthorizationException(
          "the workers' service account '%s' may only work external tasks, not run %s"
              .formatted(current.getUserId(), command.getClass().getSimpleName()));
    }
    return next.execute(command);
  }

  private static boolean allowed(Command<?> command) {
    return command instanceof AbstractQuery<?, ?>
        || command.getClass().getSimpleName().contains("ExternalTask");
  }
}
