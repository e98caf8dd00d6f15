/**
 * The deployment guard: every deployment (REST, Modeler, start-up) is checked before the engine
 * accepts it, so a diagram cannot bring code (scripts, Java classes, expressions that are not on
 * the allow-list).
 */
package io.baton.security.deployments;
