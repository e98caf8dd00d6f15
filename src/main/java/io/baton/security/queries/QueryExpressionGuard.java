package io.baton.security.queries;

import io.baton.identity.CommandFields;
import io.baton.security.expressions.ExpressionPolicy;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryValidators.AdhocQueryValidator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * Command interceptor that checks every expression of a query before the engine evaluates it.
 * Camunda refuses expressions at the top of an ad-hoc query but evaluates those nested in {@code
 * orQueries}, and those a filter's extending query brings; this closes both, whoever asks:
 *
 * <ul>
 *   <li>an ad-hoc query (REST, webapps, Java API) may carry no expression at all;
 *   <li>a stored filter may carry only what {@link ExpressionPolicy#forStoredQueries()} allows
 *       ({@code ${currentUser()}}, {@code ${currentUserGroups()}}, dates), checked when it is saved
 *       and again when it runs, so a filter stored before Baton checked is refused too.
 * </ul>
 */
public class QueryExpressionGuard extends CommandInterceptor {

  private static final ExpressionPolicy STORED = ExpressionPolicy.forStoredQueries();
  private static final VarHandle EXTENDING_QUERY =
      CommandFields.of(AbstractExecuteFilterCmd.class, "extendingQuery", Query.class);
  private static final VarHandle FILTER_ID =
      CommandFields.of(AbstractExecuteFilterCmd.class, "filterId", String.class);
  private static final VarHandle SAVED_FILTER =
      CommandFields.of(SaveFilterCmd.class, "filter", Filter.class);
  private static final VarHandle VALIDATORS =
      CommandFields.of(AbstractQuery.class, "validators", Set.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      check(query, isAdhoc(query));
    } else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
      Object extending = EXTENDING_QUERY.get(filterCommand);
      if (extending instanceof AbstractQuery<?, ?> query) {
        check(query, true);
      }
      String filterId = (String) FILTER_ID.get(filterCommand);
      if (filterId != null) {
        Filter stored = Context.getCommandContext().getFilterManager().findFilterById(filterId);
        if (stored != null) {
          check(stored.getQuery(), false);
        }
      }
    } else if (command instanceof SaveFilterCmd save) {
      Filter filter = (Filter) SAVED_FILTER.get(save);
      if (filter != null) {
        check(filter.getQuery(), false);
      }
    }
    return next.execute(command);
  }

  private static void check(Query<?, ?> query, boolean adhoc) {
    if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
      return;
    }
    List<AbstractQuery<?, ?>> parts = new ArrayList<>(List.of(abstractQuery));
    if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
      parts.addAll(taskQuery.getQueries());
    }
    for (AbstractQuery<?, ?> part : parts) {
      for (Map.Entry<String, String> expression : part.getExpressions().entrySet()) {
        refuseUnlessAllowed(expression.getKey(), expression.getValue(), adhoc);
      }
    }
  }

  private static void refuseUnlessAllowed(String criterion, String expression, boolean adhoc) {
    if (adhoc) {
      throw new BadUserRequestException(
          "Expressions are forbidden in ad-hoc queries (also inside orQueries): '%s' of %s"
              .formatted(expression, criterion));
    }
    List<String> problems = STORED.problems(expression);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(
          "Expression '%s' of %s is not allowed in a stored query: %s"
              .formatted(expression, criterion, String.join("; ", problems)));
    }
  }

  private static boolean isAdhoc(AbstractQuery<?, ?> query) {
    Set<?> validators = (Set<?>) VALIDATORS.get(query);
    return validators != null && validators.contains(AdhocQueryValidator.get());
  }
}
