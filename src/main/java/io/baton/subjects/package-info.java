/**
 * Subjects and their cases: which cases each customer (or whatever a process names in {@code
 * baton.subject}) has had, where they stand, and what a new case of the same subject is told about
 * them.
 */
package io.baton.subjects;
