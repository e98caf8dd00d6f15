/**
 * Provider rate limits per named model, kept by the engine for every worker: a call takes room in
 * its model's current window or waits for the next one, and waiting tasks go back to the engine,
 * which hands them out again by their BPMN task priority.
 */
package io.baton.ratelimits;
