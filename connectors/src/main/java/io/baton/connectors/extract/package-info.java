/**
 * The {@code extract} connector: fills a JSON schema from unstructured text, checks the result
 * against the schema, asks once more with the problems, then gives up with a BPMN error.
 */
package io.baton.connectors.extract;
