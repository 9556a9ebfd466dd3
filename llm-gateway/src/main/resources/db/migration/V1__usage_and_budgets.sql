-- One row per provider call, attributed from the X-Iceos-* headers.
CREATE TABLE usage_record (
    id                UUID PRIMARY KEY,
    org_id            TEXT,
    execution_id      TEXT,
    node_id           TEXT,
    model             TEXT        NOT NULL,
    provider          TEXT        NOT NULL,
    prompt_tokens     BIGINT      NOT NULL CHECK (prompt_tokens >= 0),
    completion_tokens BIGINT      NOT NULL CHECK (completion_tokens >= 0),
    total_tokens      BIGINT      NOT NULL CHECK (total_tokens >= 0),
    cost_micro_usd    BIGINT      NOT NULL CHECK (cost_micro_usd >= 0),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX usage_record_execution_idx ON usage_record (execution_id);
CREATE INDEX usage_record_org_idx ON usage_record (org_id, created_at);

-- A spending limit per scope ("execution:<id>" or "org:<id>"). Calls reserve their worst case in
-- reserved_micro_usd before the provider call and move the actual cost to spent_micro_usd after.
-- spent_micro_usd counts the window starting at window_start (period 'day'/'month', UTC; 'total'
-- never resets).
CREATE TABLE budget (
    scope              TEXT PRIMARY KEY,
    limit_micro_usd    BIGINT      NOT NULL CHECK (limit_micro_usd >= 0),
    spent_micro_usd    BIGINT      NOT NULL DEFAULT 0 CHECK (spent_micro_usd >= 0),
    reserved_micro_usd BIGINT      NOT NULL DEFAULT 0 CHECK (reserved_micro_usd >= 0),
    period             TEXT        NOT NULL DEFAULT 'total' CHECK (period IN ('total', 'day', 'month')),
    window_start       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
