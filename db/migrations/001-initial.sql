-- Accounts, users and what the password-reset journey keeps about them.
-- Times are milliseconds since the epoch, read from slemu's clock.

CREATE TABLE accounts (
  id           INTEGER PRIMARY KEY,
  company_name TEXT NOT NULL,
  email        TEXT NOT NULL
);

CREATE TABLE user_statuses (
  id       INTEGER PRIMARY KEY,
  key_name TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL
);

-- Only 1001 and 1021 are evidenced; the others are the commonly seen ids (questions.md #29).
INSERT INTO user_statuses (id, key_name, name) VALUES
  (1001, 'ACTIVE', 'Active'),
  (1002, 'DISABLED', 'Disabled'),
  (1003, 'INACTIVE', 'Inactive'),
  (1021, 'CANCEL_PENDING', 'Delete User'),
  (1022, 'VPN_ONLY', 'VPN Only'),
  (1024, 'PENDING', 'Pending');

CREATE TABLE users (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts (id),
  parent_id          INTEGER REFERENCES users (id),
  username           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  email              TEXT NOT NULL,
  first_name         TEXT NOT NULL DEFAULT '',
  last_name          TEXT NOT NULL DEFAULT '',
  company_name       TEXT NOT NULL DEFAULT '',
  country            TEXT NOT NULL DEFAULT 'US',
  user_status_id     INTEGER NOT NULL REFERENCES user_statuses (id),
  password_hash      TEXT,
  api_key_hash       TEXT,
  login_question_required INTEGER NOT NULL DEFAULT 0,
  created_at         INTEGER NOT NULL,
  modified_at        INTEGER NOT NULL,
  status_changed_at  INTEGER NOT NULL,
  password_changed_at INTEGER,
  last_login_at      INTEGER
);

CREATE INDEX users_by_api_key ON users (api_key_hash);

CREATE TABLE security_questions (
  id            INTEGER PRIMARY KEY,
  question      TEXT NOT NULL,
  display_order INTEGER NOT NULL,
  viewable      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE security_answers (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES security_questions (id),
  answer_hash TEXT NOT NULL,
  UNIQUE (user_id, question_id)
);

-- Password reset keys, stored as SHA-256 of the key that went out in the email.
CREATE TABLE password_keys (
  key_hash      TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  used_at       INTEGER,
  superseded_at INTEGER
);

CREATE INDEX password_keys_by_user ON password_keys (user_id);

-- Portal login tokens from getPortalLoginToken, stored as SHA-256 of the token.
CREATE TABLE portal_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE outbox (
  id         INTEGER PRIMARY KEY,
  recipient  TEXT NOT NULL,
  subject    TEXT NOT NULL,
  text_body  TEXT NOT NULL,
  html_body  TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE INDEX outbox_by_recipient ON outbox (recipient, id);
