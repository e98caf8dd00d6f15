package io.baton.security.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether an expression may be evaluated by the engine. The expression is parsed with the
 * engine's own JUEL parser, so what is checked is exactly what would run; every node must be
 * allowed:
 *
 * <ul>
 *   <li>literals, operators, conditionals and plain variable reads;
 *   <li>the functions the policy names (such as {@code dateTime()} or {@code currentUser()});
 *   <li>methods of Baton's beans marked {@link ExpressionApi}, and a fixed list of value methods
 *       (JSON, strings, dates, {@code execution.getVariable});
 *   <li>properties, except those that lead to classes, class loaders, the engine or its services.
 * </ul>
 *
 * Anything else, such as {@code ''.getClass().forName(...)}, a bean that is not Baton's or a
 * computed property name, is refused with a reason that names it.
 */
public final class ExpressionPolicy {

  /** Value methods an expression may call: reading JSON, strings, dates and variables. */
  static final Set<String> VALUE_METHODS =
      Set.of(
          "prop",
          "stringValue",
          "numberValue",
          "boolValue",
          "elements",
          "hasProp",
          "isNull",
          "isString",
          "isNumber",
          "isBoolean",
          "isArray",
          "isObject",
          "get",
          "size",
          "length",
          "isEmpty",
          "contains",
          "containsKey",
          "startsWith",
          "endsWith",
          "equals",
          "equalsIgnoreCase",
          "toLowerCase",
          "toUpperCase",
          "trim",
          "toString",
          "getVariable",
          "hasVariable",
          "getVariableLocal",
          "plusMinutes",
          "plusHours",
          "plusDays",
          "plusWeeks",
          "plusMonths",
          "plusYears",
          "minusMinutes",
          "minusHours",
          "minusDays",
          "minusWeeks",
          "minusMonths",
          "minusYears",
          "toDate");

  /** Properties of {@code execution} and {@code task} an expression may read. */
  static final Set<String> CONTEXT_PROPERTIES =
      Set.of(
          "id",
          "processInstanceId",
          "processBusinessKey",
          "businessKey",
          "processDefinitionId",
          "activityInstanceId",
          "currentActivityId",
          "currentActivityName",
          "eventName",
          "tenantId",
          "name",
          "assignee",
          "owner",
          "taskDefinitionKey",
          "priority",
          "dueDate");

  /** The objects the engine's variable-scope resolver names besides variables. */
  private static final Set<String> CONTEXT_OBJECTS =
      Set.of("execution", "task", "externalTask", "caseExecution", "authenticatedUserId");

  private static final List<String> FORBIDDEN_PROPERTY_PARTS =
      List.of("class", "loader", "engine", "service", "context", "module", "domain", "runtime");

  private final Set<String> functions;
  private final boolean identifiersAllowed;
  private final Beans beans;

  private ExpressionPolicy(Set<String> functions, boolean identifiersAllowed, Beans beans) {
    this.functions = functions;
    this.identifiersAllowed = identifiersAllowed;
    this.beans = beans;
  }

  /** Expressions in deployed diagrams: variables, Baton's beans, date functions. */
  public static ExpressionPolicy forDiagrams(Beans beans) {
    return new ExpressionPolicy(Set.of("dateTime", "now", "S", "JSON"), true, beans);
  }

  /**
   * Expressions in stored task queries (Tasklist filters): the identity and date functions only,
   * with date arithmetic; no variables and no beans.
   */
  public static ExpressionPolicy forStoredQueries() {
    return new ExpressionPolicy(
        Set.of("currentUser", "currentUserGroups", "now", "dateTime"), false, Beans.NONE);
  }

  /** The reasons the expression is refused; empty when it may run. */
  public List<String> problems(String expression) {
    List<String> problems = new ArrayList<>();
    Node root;
    try {
      root =
          new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
              .build(expression)
              .getRoot();
    } catch (TreeBuilderException e) {
      return List.of("it is not a valid expression: " + e.getMessage());
    }
    check(root, problems);
    return problems;
  }

  private void check(Node node, List<String> problems) {
    if (node instanceof AstMethod method) {
      checkMethod(method, problems);
      check(method.getChild(1), problems);
      return;
    }
    if (node instanceof AstDot dot) {
      checkProperty(dot.getChild(0), propertyName(dot), problems);
    } else if (node instanceof AstBracket bracket) {
      checkBracket(bracket, problems);
    } else if (node instanceof AstFunction function && !functions.contains(function.getName())) {
      problems.add("function '%s()' is not allowed".formatted(function.getName()));
    } else if (node instanceof AstIdentifier identifier) {
      checkIdentifier(identifier.getName(), problems);
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i), problems);
    }
  }

  private void checkMethod(AstMethod method, List<String> problems) {
    Node property = method.getChild(0);
    if (!(property instanceof AstDot dot)) {
      problems.add("a method named by a computed value is not allowed");
      check(property, problems);
      return;
    }
    String name = propertyName(dot);
    Node target = dot.getChild(0);
    if (target instanceof AstIdentifier bean && beans.isBean(bean.getName())) {
      if (!beans.isBatonMethod(bean.getName(), name)) {
        problems.add(
            "method '%s' of bean '%s' is not open to diagrams (only @ExpressionApi methods are)"
                .formatted(name, bean.getName()));
      }
      checkIdentifier(bean.getName(), problems);
      return;
    }
    if (!VALUE_METHODS.contains(name)) {
      problems.add("method '%s()' is not allowed".formatted(name));
    }
    check(target, problems);
  }

  private void checkBracket(AstBracket bracket, List<String> problems) {
    Node key = bracket.getChild(1);
    if (key instanceof AstString text) {
      String quoted = text.toString();
      checkProperty(bracket.getChild(0), quoted.substring(1, quoted.length() - 1), problems);
    } else if (!(key instanceof AstNumber)) {
      problems.add("a property named by a computed value is not allowed");
    }
  }

  private void checkProperty(Node target, String name, List<String> problems) {
    if (target instanceof AstIdentifier identifier) {
      if (CONTEXT_OBJECTS.contains(identifier.getName()) && !CONTEXT_PROPERTIES.contains(name)) {
        problems.add("property '%s' of '%s' is not allowed".formatted(name, identifier.getName()));
        return;
      }
      if (beans.isBean(identifier.getName())) {
        problems.add(
            "property '%s' of bean '%s' is not allowed".formatted(name, identifier.getName()));
        return;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (FORBIDDEN_PROPERTY_PARTS.stream().anyMatch(lower::contains)) {
      problems.add("property '%s' is not allowed".formatted(name));
    }
  }

  private void checkIdentifier(String name, List<String> problems) {
    if (!identifiersAllowed) {
      problems.add("'%s': variables and beans are not allowed here".formatted(name));
    } else if (beans.isBean(name) && !beans.isBaton(name)) {
      problems.add("bean '%s' is not one of Baton's".formatted(name));
    }
  }

  private static String propertyName(AstDot dot) {
    return dot.toString().substring(2);
  }

  /** What the policy knows of the beans an expression can name. */
  public interface Beans {

    Beans NONE = of(name -> false, name -> false, (name, method) -> false);

    boolean isBean(String name);

    /** Whether the bean is one of Baton's own. */
    boolean isBaton(String name);

    /** Whether the bean has a method of that name marked {@link ExpressionApi}. */
    boolean isBatonMethod(String name, String method);

    static Beans of(
        Predicate<String> isBean,
        Predicate<String> isBaton,
        BiPredicate<String, String> isBatonMethod) {
      return new Beans() {
        @Override
        public boolean isBean(String name) {
          return isBean.test(name);
        }

        @Override
        public boolean isBaton(String name) {
          return isBaton.test(name);
        }

        @Override
        public boolean isBatonMethod(String name, String method) {
          return isBatonMethod.test(name, method);
        }
      };
    }
  }
}
