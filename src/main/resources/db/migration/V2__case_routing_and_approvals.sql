-- What routing decided for a case, kept where no task form or REST call can change it.
CREATE TABLE baton_case_routing (
  process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  route               VARCHAR(20)  NOT NULL,
  four_eyes           BOOLEAN      NOT NULL,
  reason              VARCHAR(500),
  decided_at          TIMESTAMP    NOT NULL
);

-- Who approved what: the digest of the exact action arguments, per approval stage.
CREATE TABLE baton_approval (
  process_instance_id VARCHAR(64)  NOT NULL,
  stage               VARCHAR(10)  NOT NULL,
  approver            VARCHAR(100) NOT NULL,
  digest              VARCHAR(64)  NOT NULL,
  approved_at         TIMESTAMP    NOT NULL,
  PRIMARY KEY (process_instance_id, stage)
);
