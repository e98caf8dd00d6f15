/**
 * Routing policies over named models: a fallback chain for availability, a cheap-first cascade for
 * quality.
 */
package io.baton.models.policy;
