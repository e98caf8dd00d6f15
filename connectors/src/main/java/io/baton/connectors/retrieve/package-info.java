/**
 * The {@code retrieve} connector: finds the passages of a knowledge base that answer a query best,
 * with scores and source ids a reviewer can follow.
 */
package io.baton.connectors.retrieve;
