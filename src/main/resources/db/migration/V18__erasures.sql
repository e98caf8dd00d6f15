-- Each erasure of a subject's data: who asked, when, why, under which subject key, how many cases
-- and how many items of each kind went. Never the subject's id: that is what was erased.
CREATE TABLE baton_erasure (
  erasure_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
  erased_at    TIMESTAMP     NOT NULL,
  requested_by VARCHAR(255)  NOT NULL,
  subject_key  VARCHAR(100)  NOT NULL,
  reason       VARCHAR(500)  NOT NULL,
  cases        INTEGER       NOT NULL,
  erased       VARCHAR(2000) NOT NULL
);
CREATE INDEX baton_erasure_time ON baton_erasure (erased_at);
