-- The effect ledger: one row per intended side effect of a tool connector, keyed by
-- process instance + activity instance. A retried task finds its effect here instead of acting
-- again.
CREATE TABLE baton_effect (
  idempotency_key     VARCHAR(200)  NOT NULL PRIMARY KEY,
  topic               VARCHAR(100)  NOT NULL,
  process_instance_id VARCHAR(64)   NOT NULL,
  state               VARCHAR(10)   NOT NULL,
  attempts            INTEGER       NOT NULL,
  result              VARCHAR(4000),
  started_at          TIMESTAMP     NOT NULL,
  done_at             TIMESTAMP
);
