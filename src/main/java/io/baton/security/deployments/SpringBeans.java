package io.baton.security.deployments;

import io.baton.security.expressions.ExpressionApi;
import io.baton.security.expressions.ExpressionPolicy;
import java.util.Arrays;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/** The beans of the application, as an expression in a diagram could name them. */
final class SpringBeans implements ExpressionPolicy.Beans {

  private static final String BATON = "io.baton.";

  private final ListableBeanFactory beans;

  SpringBeans(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public boolean isBean(String name) {
    return beans.containsBean(name);
  }

  @Override
  public boolean isBaton(String name) {
    Class<?> type = type(name);
    return type != null && type.getName().startsWith(BATON);
  }

  @Override
  public boolean isBatonMethod(String name, String method) {
    Class<?> type = type(name);
    return type != null
        && Arrays.stream(type.getMethods())
            .filter(candidate -> candidate.getName().equals(method))
            .anyMatch(candidate -> candidate.isAnnotationPresent(ExpressionApi.class));
  }

  private Class<?> type(String name) {
    Class<?> type = beans.getType(name, false);
    return type == null ? null : ClassUtils.getUserClass(type);
  }
}
