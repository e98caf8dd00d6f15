package io.baton.requests;

import io.baton.support.EngineIT;

/** The customer-request routes on the embedded default database, H2. */
@EngineIT
class CustomerRequestH2IT extends CustomerRequestScenarios {}
