/**
 * Learning from reviewers: a reviewer's correction of a classification becomes a labelled example,
 * kept apart from the shipped label sets, once the review approves it; the {@code local} model
 * classifies with these examples too.
 */
package io.baton.learning;
