/**
 * The HTTP edge: authentication of the engine REST API, Baton's API and the metrics endpoints; the
 * login throttle per source and user; metrics for operators only; and the refusal of Object-typed
 * variables before the engine sees them. One filter per concern, ordered in {@link
 * io.baton.security.HttpEdgeFilters}.
 */
package io.baton.security;
