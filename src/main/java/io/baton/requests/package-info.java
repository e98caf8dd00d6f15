/**
 * The customer-request process: its start API, the rules a request must meet, and the record of a
 * reviewer's decision.
 */
package io.baton.requests;
