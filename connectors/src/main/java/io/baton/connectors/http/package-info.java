/**
 * The {@code http} tool: calls a configured API endpoint (an allow-list by configuration), once per
 * task, and maps its answer to variables, a BPMN error, a retry or an incident.
 */
package io.baton.connectors.http;
