/**
 * The {@code ensemble} connector: several models classify the same text; a majority vote or a judge
 * model decides, and their disagreement is an output routing can use.
 */
package io.baton.connectors.ensemble;
