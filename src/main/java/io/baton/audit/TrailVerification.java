package io.baton.audit;

/**
 * Whether trail entries verify: {@code intact}, how many were checked, and where the first break is
 * (the case and the sequence number of the first entry that does not verify) with what is wrong.
 */
public record TrailVerification(
    boolean intact, long entries, String brokenCase, Integer brokenAtSeq, String problem) {}
