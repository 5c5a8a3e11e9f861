-- What the sandbox keeps beside the emulated API: the delivery result of each email sent through
-- SMTP, and the plain secrets of sandbox users so the control API and the home page can show them.

ALTER TABLE outbox ADD COLUMN delivery_status TEXT NOT NULL DEFAULT 'none';
ALTER TABLE outbox ADD COLUMN delivery_error TEXT;
ALTER TABLE outbox ADD COLUMN delivered_at INTEGER;

-- password_hash is the hash the plain password was stored with: when the user's hash no longer
-- matches it, the password was changed (by a reset) and the plain copy is stale.
CREATE TABLE sandbox_secrets (
  user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  password         TEXT,
  password_hash    TEXT,
  api_key          TEXT,
  security_answers TEXT NOT NULL DEFAULT '[]',
  -- {"type": "totp" | "verisign" | "phone", "secret": base32} as the fixtures gave it
  second_factor    TEXT
);
