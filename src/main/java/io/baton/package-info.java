/** Baton: an AI orchestration layer on the Camunda 7 engine. */
package io.baton;
