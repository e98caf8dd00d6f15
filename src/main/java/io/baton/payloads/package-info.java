/**
 * Large process data held by reference: the {@link io.baton.payloads.PayloadStore} contract and the
 * {@link io.baton.payloads.Payloads} policy (inline limit, hard maximum) that the workers and the
 * engine share. The engine keeps payloads in {@code baton_payload} ({@code
 * io.baton.memory.payloads}); a standalone worker reaches them through the engine's API.
 */
package io.baton.payloads;
