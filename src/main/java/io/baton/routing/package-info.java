/**
 * Routing of AI results: the facts the routing decision (DMN) reads, and the floor no decision
 * table can lower, such as never auto-executing a model whose measured accuracy is too low.
 */
package io.baton.routing;
