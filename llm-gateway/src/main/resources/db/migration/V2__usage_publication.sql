-- Prompt tokens served from the provider's prompt cache, answers from the gateway's own response
-- cache, and whether the usage event of the row is on Kafka yet (rows written before this
-- migration are not published).
ALTER TABLE usage_record ADD COLUMN cached_prompt_tokens BIGINT NOT NULL DEFAULT 0
    CHECK (cached_prompt_tokens >= 0);
ALTER TABLE usage_record ADD COLUMN cache_hit BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE usage_record ADD COLUMN published BOOLEAN NOT NULL DEFAULT false;
UPDATE usage_record SET published = true;
CREATE INDEX usage_record_unpublished_idx ON usage_record (created_at) WHERE NOT published;
