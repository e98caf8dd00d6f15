/**
 * Task queries without code execution: no expression in an ad-hoc query (nested {@code orQueries}
 * included), and only the identity and date functions in stored Tasklist filters.
 */
package io.baton.security.queries;
