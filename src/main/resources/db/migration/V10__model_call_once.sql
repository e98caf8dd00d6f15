-- Every model call carries an id its worker gives it when the call is made, so a report that is
-- sent again (a lost answer, a retry) is recognised and the call is counted once. Calls recorded
-- before this migration have none.
ALTER TABLE baton_model_call ADD COLUMN call_id VARCHAR(64);
CREATE UNIQUE INDEX baton_model_call_once ON baton_model_call (call_id);
