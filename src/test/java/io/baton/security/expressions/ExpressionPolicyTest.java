package io.baton.security.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionPolicyTest {

  /** caseApprovals is Baton's (method route); runtimeService and systemEnvironment are not. */
  static final ExpressionPolicy DIAGRAMS =
      ExpressionPolicy.forDiagrams(
          ExpressionPolicy.Beans.of(
              Set.of("caseApprovals", "sendReply", "runtimeService", "systemEnvironment")::contains,
              Set.of("caseApprovals", "sendReply")::contains,
              (bean, method) -> bean.equals("caseApprovals") && method.equals("route")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${message}",
        "${sendReply}",
        "${route == 'AUTO_EXECUTE' && !fourEyes}",
        "${caseApprovals.route(execution.processInstanceId) == 'SUGGEST'}",
        "${dateTime().plusHours(4).toDate()}",
        "${extracted.prop(\"totalAmount\").numberValue()}",
        "${execution.getVariable(\"passages\") == null ? \"\" : passages.elements().get(0)}",
        "${documentRoute.route}",
        "Which rules apply to ${totalAmount} ${currency}?",
        "#{amount > 500}",
        "${list[0]}"
      })
  void should_allow_variables_batons_beans_and_value_methods(String expression) {
    assertThat(DIAGRAMS.problems(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${''.getClass().forName('java.lang.Runtime')}",
        "${x.class.classLoader}",
        "${x['class']}",
        "${x[name]}",
        "${runtimeService}",
        "${systemEnvironment.get('BATON_MODELS_SMART_API_KEY')}",
        "${caseApprovals.revoke(execution.processInstanceId)}",
        "${execution.processEngine}",
        "${execution.setVariable('route', 'AUTO_EXECUTE')}",
        "${task.execution.processEngineServices}",
        "${extracted.mapTo('java.lang.Runtime')}",
        "${externalTask.execution.processEngineServices}",
        "${fn:exec('id')}",
        "${unclosed",
        "text ${ok} then ${''.getClass()}"
      })
  void should_refuse_anything_that_reaches_code(String expression) {
    assertThat(DIAGRAMS.problems(expression)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"${currentUser()}", "${currentUserGroups()}", "${dateTime().plusDays(7)}"})
  void should_allow_tasklists_identity_and_date_functions_in_stored_queries(String expression) {
    assertThat(ExpressionPolicy.forStoredQueries().problems(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${assignee}", "${runtimeService}", "${''.getClass()}"})
  void should_refuse_variables_beans_and_methods_in_stored_queries(String expression) {
    assertThat(ExpressionPolicy.forStoredQueries().problems(expression)).isNotEmpty();
  }
}
