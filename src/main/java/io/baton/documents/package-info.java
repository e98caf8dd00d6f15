/**
 * The {@code document-intake} process's engine side: checks on the incoming document and on the
 * reviewer's decision.
 */
package io.baton.documents;
