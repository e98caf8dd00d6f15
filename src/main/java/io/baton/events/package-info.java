/**
 * Events in: CloudEvents from Kafka topics or {@code POST /api/events} start a case or correlate to
 * a waiting one, as {@code baton.events.mappings} says, each event once.
 */
package io.baton.events;
