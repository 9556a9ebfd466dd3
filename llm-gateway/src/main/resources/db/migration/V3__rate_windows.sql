-- Requests and tokens per rate-limit key ("org:<id>", "provider:<name>") and UTC minute. A call
-- counts itself in every key that applies, in one transaction, only if each stays within its
-- limits; rows of past minutes are dead weight and may be deleted at any time.
CREATE TABLE rate_window (
    key          TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    requests     BIGINT      NOT NULL CHECK (requests >= 0),
    tokens       BIGINT      NOT NULL CHECK (tokens >= 0),
    PRIMARY KEY (key, window_start)
);
