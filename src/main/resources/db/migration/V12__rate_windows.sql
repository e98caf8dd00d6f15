-- The rate windows of the named models, shared by every worker of a deployment: how many requests
-- and tokens each model was given in each window (a minute unless baton.rate-limits.window says
-- otherwise). A call takes room under a row lock, or waits for the next window.
CREATE TABLE baton_rate_window (
  model        VARCHAR(100) NOT NULL,
  window_start TIMESTAMP    NOT NULL,
  requests     INTEGER      NOT NULL,
  tokens       BIGINT       NOT NULL,
  CONSTRAINT baton_rate_window_key PRIMARY KEY (model, window_start)
);
