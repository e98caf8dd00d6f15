/**
 * The external-task worker runtime: subscribes every connector to its topic through
 * camunda-external-task-client, binds variables to the connector's input record, and turns the
 * outcome into complete, BPMN error or failure. Runs embedded or as its own process.
 */
package io.baton.workers;
