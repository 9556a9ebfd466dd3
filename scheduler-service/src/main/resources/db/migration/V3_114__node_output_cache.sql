-- The node output cache (SPEC §2.7, decision 0114). A row is claimed (output null) when a cacheable
-- node's task is sent, keyed by the hash of org, blueprint version, node spec and template scope;
-- the attempt that claimed it fills in the output when it succeeds. Only filled, unexpired rows
-- serve later executions.
CREATE TABLE IF NOT EXISTS scheduler.node_output_cache (
    cache_key  text        PRIMARY KEY,
    org_id     text,
    task_id    text        NOT NULL,
    -- json (not jsonb) keeps the output byte for byte, like run.state.
    output     json,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS node_output_cache_task_id_idx ON scheduler.node_output_cache (task_id);
CREATE INDEX IF NOT EXISTS node_output_cache_expires_at_idx ON scheduler.node_output_cache (expires_at);
