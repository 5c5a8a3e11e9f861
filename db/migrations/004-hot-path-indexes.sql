-- Indexes for the statements every reset request runs, found by profiling initiates under load.

-- Pruning the rate-limit and lockout windows deletes by time alone.
CREATE INDEX reset_requests_by_time ON reset_requests (requested_at);
CREATE INDEX authentication_failures_by_time ON authentication_failures (failed_at);

-- Superseding a user's live keys should not read every key the user ever had.
CREATE INDEX password_keys_live_by_user ON password_keys (user_id)
  WHERE used_at IS NULL AND superseded_at IS NULL;
