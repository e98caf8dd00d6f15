package io.baton.security.expressions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of one of Baton's beans that a diagram's expression may call, such as {@code
 * ${caseApprovals.route(execution.processInstanceId)}}. Only read-only methods take it: any other
 * method of a bean is refused by the deployment guard, so a diagram cannot record a route, an
 * approval or read another case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExpressionApi {}
