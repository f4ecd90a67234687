-- factbot's event store on PostgreSQL: the SQLite schema, except that the
-- text reports sort by uses the "C" collation, so both engines order it
-- alike (by bytes). Times are Unix nanoseconds; user IDs are HMAC hashes
-- (see Store.HashUser), never the platform's IDs.

-- +goose Up
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per question that passed the rate limiter.
CREATE TABLE questions (
    at            BIGINT  NOT NULL,
    platform      TEXT    NOT NULL,
    user_hash     TEXT    NOT NULL,
    question      TEXT    NOT NULL,
    question_norm TEXT COLLATE "C" NOT NULL, -- bot.NormalizeQuestion: what reports group by
    intent        TEXT    NOT NULL,
    answered      BOOLEAN NOT NULL,
    reason        TEXT    NOT NULL,
    answer_id     TEXT    NOT NULL,
    answer        TEXT COLLATE "C" NOT NULL,
    section       TEXT    NOT NULL
);
CREATE INDEX questions_at ON questions (at);
CREATE INDEX questions_answer_id ON questions (answer_id);
-- The unanswered report reads declined questions only, grouped by text:
-- this index covers it.
CREATE INDEX questions_declined ON questions (question_norm, at, user_hash, reason, intent) WHERE NOT answered;

-- One 👍/👎 per user and answer: the primary key refuses a second.
CREATE TABLE votes (
    answer_id TEXT   NOT NULL,
    user_hash TEXT   NOT NULL,
    at        BIGINT NOT NULL,
    platform  TEXT   NOT NULL,
    vote      TEXT   NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX votes_at ON votes (at);

-- Platform deliveries (Slack event IDs, Discord interaction IDs) claimed
-- by the instance that handles them.
CREATE TABLE claims (
    key TEXT   PRIMARY KEY,
    at  BIGINT NOT NULL
);
CREATE INDEX claims_at ON claims (at);

-- +goose Down
DROP TABLE claims;
DROP TABLE votes;
DROP TABLE questions;
DROP TABLE meta;
