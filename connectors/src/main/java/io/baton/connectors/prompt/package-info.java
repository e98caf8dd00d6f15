/**
 * The {@code prompt} connector: renders a versioned prompt template with process variables and asks
 * a generative model; text or JSON output.
 */
package io.baton.connectors.prompt;
