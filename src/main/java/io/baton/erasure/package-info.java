/**
 * Erasure of everything Baton keeps about one subject (a customer, a supplier), on one request of a
 * privacy officer, in one transaction: what each feature keeps ({@link
 * io.baton.erasure.SubjectData}), the payloads of the subject's cases' trails, and the engine's
 * history of those cases. What remains is the record that an erasure happened, without what was
 * erased.
 */
package io.baton.erasure;
