-- The facts routing decided on, as Baton recorded them; a review may not change them.
CREATE TABLE baton_case_facts (
  process_instance_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  facts               VARCHAR(4000) NOT NULL
);
