-- Large process data held by reference (issue 14, workflow memory): a document, a long model output
-- or retrieved passages over baton.payloads.inline-limit lives here, and the process holds only a
-- small reference ({"batonPayload": id, ...}), so the engine's variables and history stay small.
-- Each payload keeps its case and, when known, its subject (the variable that names it and its
-- value), for retention and per-subject erasure.
CREATE TABLE baton_payload (
  id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  subject_key         VARCHAR(100),
  subject             VARCHAR(255),
  kind                VARCHAR(10)  NOT NULL,
  content             TEXT         NOT NULL,
  size_bytes          BIGINT       NOT NULL,
  sha256              VARCHAR(64)  NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  expires_at          TIMESTAMP    NOT NULL,
  CONSTRAINT baton_payload_kind CHECK (kind IN ('text', 'json'))
);
CREATE INDEX baton_payload_case ON baton_payload (process_instance_id);
CREATE INDEX baton_payload_subject ON baton_payload (subject_key, subject);
CREATE INDEX baton_payload_expiry ON baton_payload (expires_at);
