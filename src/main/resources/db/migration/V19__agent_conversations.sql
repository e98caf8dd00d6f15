-- The conversation of each agent task, outside the process variables: the process holds only its
-- id (the case and the agent's activity). The opening prompt is kept with the conversation; in
-- each turn a further message from the process is kept at position 0, the model's answer at 1 and
-- the result of its i-th tool call at i + 2: a retried turn or a re-delivered tool result finds its
-- place taken and writes nothing twice. activity_instance_id names the activation of the agent
-- task that wrote a row, which tells a retried activation from a new one.
CREATE TABLE baton_agent_conversation (
  conversation_id     VARCHAR(200)             NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)              NOT NULL,
  activity_id         VARCHAR(255)             NOT NULL,
  model_calls         INTEGER                  NOT NULL,
  input_tokens        BIGINT                   NOT NULL,
  output_tokens       BIGINT                   NOT NULL,
  cost                DECIMAL(19, 8)           NOT NULL,
  prompt_id           VARCHAR(100)             NOT NULL,
  prompt_version      INTEGER                  NOT NULL,
  prompt_sha256       VARCHAR(64),
  system_text         TEXT,
  user_text           TEXT                     NOT NULL,
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX baton_agent_conversation_case ON baton_agent_conversation (process_instance_id);

CREATE TABLE baton_agent_message (
  conversation_id VARCHAR(200)             NOT NULL,
  turn            INTEGER                  NOT NULL,
  position        INTEGER                  NOT NULL,
  role            VARCHAR(20)              NOT NULL,
  content         TEXT,
  tool_calls      TEXT,
  tool_call_id    VARCHAR(200),
  tool_name       VARCHAR(200),
  model           VARCHAR(100),
  activity_instance_id VARCHAR(64)         NOT NULL,
  written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT baton_agent_message_pk PRIMARY KEY (conversation_id, turn, position),
  CONSTRAINT baton_agent_message_conversation FOREIGN KEY (conversation_id)
    REFERENCES baton_agent_conversation (conversation_id) ON DELETE CASCADE
);
