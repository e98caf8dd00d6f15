/**
 * Human review of AI results: what reviewers decided (stored as labelled examples), the accuracy
 * that yields per model and task type, and approvals bound to a digest of what was approved.
 */
package io.baton.review;
