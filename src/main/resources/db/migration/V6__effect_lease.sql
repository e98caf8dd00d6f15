-- The lease on an effect being attempted: which attempt (worker + external task) may act under the
-- key, and until when. Another attempt does not act while the lease runs; the owner renews it while
-- it acts, so a lease runs out only when its owner died, and then another attempt takes it over.
ALTER TABLE baton_effect ADD COLUMN lease_owner VARCHAR(255);
ALTER TABLE baton_effect ADD COLUMN lease_expires_at TIMESTAMP;
