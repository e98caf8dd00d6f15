/** The agent connector: one model turn of a tool-calling agent whose loop is drawn in BPMN. */
package io.baton.connectors.agent;
