/**
 * Limits at the HTTP edge, before the engine sees a request: body size and number of variables, and
 * a rate of process starts per user.
 */
package io.baton.security.edge;
