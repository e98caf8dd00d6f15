/**
 * The one vocabulary of routing: the words connectors answer, decision tables read and write, forms
 * offer and the engine compares. Process variables hold these words as text, the enum constants'
 * names; {@code VocabularyGoldenTest} fails when a decision table, element template, form or label
 * set uses another word.
 */
package io.baton.connectors.vocabulary;
