package io.baton.connectors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an input record component that the engine sets on the task when it starts, from the diagram
 * (an agent's tools, resolved from its allow-list), rather than an input mapping: an element
 * template has no field for it, and a mapping could not be trusted with it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface SetByEngine {}
