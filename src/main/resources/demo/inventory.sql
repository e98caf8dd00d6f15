-- Demo stock for the embedded run's `inventory` data source (baton.tools.sql.inventory).
-- H2 runs this on every new connection (INIT=RUNSCRIPT), so it only creates and merges.
CREATE TABLE IF NOT EXISTS inventory (
  sku VARCHAR(40) NOT NULL,
  warehouse VARCHAR(40) NOT NULL,
  on_hand INTEGER NOT NULL,
  reserved INTEGER NOT NULL,
  reorder_lead_days INTEGER NOT NULL,
  PRIMARY KEY (sku, warehouse)
);

MERGE INTO inventory (sku, warehouse, on_hand, reserved, reorder_lead_days) KEY (sku, warehouse)
VALUES
  -- PUMP-200, a 200 m3/h centrifugal process pump: short in Hamburg, plenty in Rotterdam
  ('PUMP-200', 'hamburg', 2, 2, 21),
  ('PUMP-200', 'rotterdam', 38, 4, 21),
  ('PUMP-200', 'poznan', 6, 5, 28),
  ('VALVE-DN80', 'hamburg', 120, 15, 10),
  ('VALVE-DN80', 'rotterdam', 64, 0, 10),
  ('SEAL-KIT-200', 'hamburg', 45, 30, 7),
  ('SEAL-KIT-200', 'poznan', 210, 12, 7),
  ('MOTOR-7K5', 'rotterdam', 9, 1, 35),
  ('BEARING-6309', 'hamburg', 500, 80, 5),
  ('FILTER-HX3', 'poznan', 0, 0, 14);
