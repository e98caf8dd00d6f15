-- One row per event Baton took (its CloudEvents source + id): a second delivery of the same event
-- finds it and answers with the case it started or continued instead of acting again. The row is
-- written in the transaction that starts or correlates, so it exists exactly when that happened.
CREATE TABLE baton_event_receipt (
  source              VARCHAR(500)  NOT NULL,
  event_id            VARCHAR(255)  NOT NULL,
  type                VARCHAR(255)  NOT NULL,
  process_instance_id VARCHAR(64),
  received_at         TIMESTAMP     NOT NULL,
  PRIMARY KEY (source, event_id)
);
