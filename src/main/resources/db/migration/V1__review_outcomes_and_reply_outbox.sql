-- Every reviewer decision on an AI result: a labelled example, and the source of measured accuracy.
CREATE TABLE baton_review_outcome (
  task_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  task_type           VARCHAR(100)  NOT NULL,
  model               VARCHAR(100)  NOT NULL,
  input_text          VARCHAR(4000),
  ai_answer           VARCHAR(200)  NOT NULL,
  final_answer        VARCHAR(200),
  decision            VARCHAR(20)   NOT NULL,
  reviewer            VARCHAR(100),
  decided_at          TIMESTAMP     NOT NULL
);
CREATE INDEX ix_review_outcome_model_task ON baton_review_outcome (model, task_type, decided_at);

-- Replies handed to the customer channel, once per case and activity.
CREATE TABLE baton_reply_outbox (
  idempotency_key     VARCHAR(200)  NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  customer_id         VARCHAR(64)   NOT NULL,
  reply_text          VARCHAR(8000) NOT NULL,
  approval_digest     VARCHAR(64),
  created_at          TIMESTAMP     NOT NULL
);
