-- Run state of scheduler-service: one JSON document per execution, guarded by an optimistic
-- version; an idempotency ledger of applied messages; and the transactional outbox.

CREATE TABLE IF NOT EXISTS scheduler.run (
    execution_id  text        PRIMARY KEY,
    org_id        text,
    blueprint_id  text,
    status        text        NOT NULL,
    -- json (not jsonb) keeps node outputs byte for byte, key order included.
    state         json        NOT NULL,
    version       bigint      NOT NULL,
    next_retry_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS run_next_retry_at_idx
    ON scheduler.run (next_retry_at) WHERE next_retry_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS scheduler.applied_message (
    message_id uuid        PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS applied_message_applied_at_idx
    ON scheduler.applied_message (applied_at);

CREATE TABLE IF NOT EXISTS scheduler.outbox (
    id         bigserial   PRIMARY KEY,
    topic      text        NOT NULL,
    record_key text        NOT NULL,
    payload    json        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
