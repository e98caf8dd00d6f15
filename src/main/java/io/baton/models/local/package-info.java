/**
 * The offline {@code local} provider: the in-process all-MiniLM-L6-v2 embedding model classifies by
 * nearest labelled examples and drafts by choosing the closest reply template. It never pretends to
 * be a generative model.
 */
package io.baton.models.local;
