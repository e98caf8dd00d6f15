/**
 * Human review of AI results: what reviewers decided (stored as labelled examples), the accuracy
 * that yields per model and task type,, and who is reviewing.
 */
package io.baton.review;
