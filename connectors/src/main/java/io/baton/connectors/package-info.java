/**
 * The AI connector catalogue. A connector is a function from a validated input record to an output
 * record; it never touches the engine. The worker runtime binds variables to the input and maps the
 * output back.
 */
package io.baton.connectors;
