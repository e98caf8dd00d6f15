package io.baton.connectors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the input record component ({@code Map<String, Object>}) that receives all variables
 * visible to the task, for a connector whose inputs are named by the user (the placeholders of a
 * prompt template) rather than by its record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface ProcessVariables {}
