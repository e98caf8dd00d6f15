/**
 * Which expressions may run in the engine: deployed diagrams and stored task queries are parsed
 * with the engine's own expression parser and refused unless every part is on an allow-list.
 */
package io.baton.security.expressions;
