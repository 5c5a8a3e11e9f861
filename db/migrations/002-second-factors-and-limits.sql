-- What the password-set branches need beyond the straight path: second factors, the simulated
-- phone, the reset-request rate limit, failed attempts and lockouts, and brands.
-- Times are milliseconds since the epoch, read from slemu's clock.

-- A user's second factor. method is the authenticationMethods code (2 Verisign, 3 TOTP,
-- 4 phone factor); secret is the base32 TOTP seed, NULL for the phone.
CREATE TABLE user_second_factors (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  method  INTEGER NOT NULL CHECK (method IN (2, 3, 4)),
  secret  TEXT
);

-- One-time codes already accepted, by time step, so a code cannot be replayed.
CREATE TABLE used_security_codes (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  method  INTEGER NOT NULL,
  step    INTEGER NOT NULL,
  used_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, method, step)
);

-- The simulated phone of a phone-factor user: how it will answer the next call.
CREATE TABLE phone_answers (
  user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  answer     TEXT NOT NULL CHECK (answer IN ('approve', 'deny', 'none')),
  updated_at INTEGER NOT NULL
);

-- Reset requests per username string, known or not, for the rolling-window rate limit.
CREATE TABLE reset_requests (
  username     TEXT NOT NULL COLLATE NOCASE,
  requested_at INTEGER NOT NULL
);

CREATE INDEX reset_requests_by_username ON reset_requests (username, requested_at);

-- Failed proofs of identity (wrong answer, code or password) towards the lockout.
CREATE TABLE authentication_failures (
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  failed_at INTEGER NOT NULL
);

CREATE INDEX authentication_failures_by_user ON authentication_failures (user_id, failed_at);

CREATE TABLE lockouts (
  user_id      INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  locked_until INTEGER NOT NULL
);

-- A brand is owned by its brand master (agent) account and owns the customer accounts it
-- created. brand_agents are the users holding the "Add Customer Accounts" permission.
CREATE TABLE brands (
  id         INTEGER PRIMARY KEY,
  key_name   TEXT NOT NULL UNIQUE,
  long_name  TEXT NOT NULL,
  account_id INTEGER NOT NULL UNIQUE REFERENCES accounts (id)
);

CREATE TABLE brand_customer_accounts (
  account_id INTEGER PRIMARY KEY REFERENCES accounts (id),
  brand_id   INTEGER NOT NULL REFERENCES brands (id)
);

CREATE TABLE brand_agents (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE
);
