/**
 * Governance every process gets by drawing: the facts a routing decision reads and locks, the floor
 * no decision table can lower, the routing record and the approvals of each case (appended, never
 * rewritten), and the approval gate a tool passes before it acts.
 */
package io.baton.governance;
