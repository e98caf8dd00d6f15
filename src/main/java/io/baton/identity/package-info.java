/**
 * Groups, users and authorizations: who may start, review, audit and work which tasks. The groups
 * and the worker's service account always exist; the demo users only when {@code
 * baton.identity.demo-users} is on.
 */
package io.baton.identity;
