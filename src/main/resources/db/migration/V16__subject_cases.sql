-- The cases of each subject (a customer, a supplier: the variable a process names in its property
-- baton.subject), so a new case sees the subject's earlier ones and reviewers and operators see
-- where a subject's cases stand. A case is open while ended_at is null; label is the case's label
-- as routing last saw it (after a reviewer's correction, the corrected one).
CREATE TABLE baton_subject_case (
  process_instance_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
  subject_key            VARCHAR(100)  NOT NULL,
  subject_id             VARCHAR(255)  NOT NULL,
  process_definition_key VARCHAR(255)  NOT NULL,
  label                  VARCHAR(200),
  started_at             TIMESTAMP     NOT NULL,
  ended_at               TIMESTAMP,
  outcome                VARCHAR(255)
);
CREATE INDEX baton_subject_case_subject ON baton_subject_case (subject_key, subject_id, started_at);
