-- Budgets hold before a priced model call: its worst-case cost is reserved in every account of its
-- case (the case, its process for the day, its tenant for the day) under row locks, and the call's
-- record settles the reservation with the actual cost. An account's spent plus reserved never
-- exceeds its budget when a reservation is taken.
CREATE TABLE baton_budget_account (
  scope      VARCHAR(20)    NOT NULL,
  subject    VARCHAR(255)   NOT NULL,
  budget_day DATE           NOT NULL,
  spent      DECIMAL(18, 8) NOT NULL,
  reserved   DECIMAL(18, 8) NOT NULL,
  CONSTRAINT baton_budget_account_key PRIMARY KEY (scope, subject, budget_day)
);

CREATE TABLE baton_budget_reservation (
  call_id             VARCHAR(64)    NOT NULL PRIMARY KEY,
  model               VARCHAR(100)   NOT NULL,
  process_instance_id VARCHAR(64)    NOT NULL,
  process_key         VARCHAR(255),
  tenant_id           VARCHAR(64),
  budget_day          DATE           NOT NULL,
  amount              DECIMAL(18, 8) NOT NULL,
  reserved_at         TIMESTAMP      NOT NULL,
  expires_at          TIMESTAMP      NOT NULL,
  settled_at          TIMESTAMP,
  settled_cost        DECIMAL(18, 8),
  scopes              VARCHAR(60)    NOT NULL
);
CREATE INDEX baton_budget_reservation_open ON baton_budget_reservation (settled_at, expires_at);
