/**
 * The audit: one row per model call, and the case trail, one hash-chained list per case of what the
 * models, the rules, the people and the tools did, for auditors and their exports.
 */
package io.baton.audit;
