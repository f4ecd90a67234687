-- The per-user rate limit shared by instances on one database: one row per
-- (platform, hashed user), holding the bucket's theoretical arrival time
-- (GCRA) in Unix nanoseconds. A row whose time has passed is a full bucket
-- and is removed with expired records.

-- +goose Up
CREATE TABLE rate_limits (
    key TEXT   PRIMARY KEY,
    tat BIGINT NOT NULL
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);

-- +goose Down
DROP TABLE rate_limits;
