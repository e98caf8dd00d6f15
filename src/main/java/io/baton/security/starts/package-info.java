/**
 * Start rules that cannot be skipped: each process's rules run as a built-in start listener, and
 * the commands that start or move an instance past them are for administrators only.
 */
package io.baton.security.starts;
