/**
 * Knowledge bases: folders of markdown and text documents that users add under {@code
 * processes/knowledge/<id>/}, split into passages that connectors retrieve and cite.
 */
package io.baton.connectors.knowledge;
