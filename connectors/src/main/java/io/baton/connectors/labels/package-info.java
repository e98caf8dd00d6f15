/**
 * Label sets: the labels a classifier chooses from, with example phrases, risk class and reply
 * templates. They are data in JSON files that analysts edit, not code.
 */
package io.baton.connectors.labels;
