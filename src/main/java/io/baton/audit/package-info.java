/** The audit of model calls: one row per call in the engine's database, readable per case. */
package io.baton.audit;
