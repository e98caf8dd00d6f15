/**
 * Versioned prompt templates: files with an id and a version in {@code processes/prompts/}, filled
 * with process variables; the id and version are recorded with every model call.
 */
package io.baton.models.prompts;
