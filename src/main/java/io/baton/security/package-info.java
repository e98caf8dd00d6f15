/** Authentication of the engine REST API and of Baton's own API. */
package io.baton.security;
