package io.baton.erasure;

/**
 * What to erase: the subject, named by its key (the process variable that names it, such as {@code
 * customerId}) and its id, and why (kept with the erasure; it must not name the subject).
 */
public record ErasureRequest(String subjectKey, String subjectId, String reason) {}
