import type Database from 'better-sqlite3';

// The counters behind the reset-request rate limit and the failed-attempt lockout. The rules
// (how many, how long) live in services/SoftLayer_User_Customer/attempt-limits.ts.

export class AttemptLimitStore {
  private readonly statements;
  private readonly transactions;

  constructor(db: Database.Database) {
    this.statements = {
      addRequest: db.prepare(
        'INSERT INTO reset_requests (username, requested_at) VALUES (@username, @now)',
      ),
      // The window is the same for every username, so rows older than it are never read again.
      pruneRequests: db.prepare('DELETE FROM reset_requests WHERE requested_at <= @since'),
      countRequests: db.prepare(
        'SELECT count(*) FROM reset_requests WHERE username = @username AND requested_at > @since',
      ),
      addFailure: db.prepare(
        'INSERT INTO authentication_failures (user_id, failed_at) VALUES (@userId, @now)',
      ),
      pruneFailures: db.prepare('DELETE FROM authentication_failures WHERE failed_at <= @since'),
      countFailures: db.prepare(
        `SELECT count(*) FROM authentication_failures
         WHERE user_id = @userId AND failed_at > @since`,
      ),
      clearFailures: db.prepare('DELETE FROM authentication_failures WHERE user_id = ?'),
      lock: db.prepare(
        `INSERT INTO lockouts (user_id, locked_until) VALUES (@userId, @until)
         ON CONFLICT (user_id) DO UPDATE SET locked_until = excluded.locked_until`,
      ),
      lockedUntil: db.prepare('SELECT locked_until FROM lockouts WHERE user_id = ?'),
    };
    this.transactions = this.prepareTransactions(db);
  }

  // Built once: better-sqlite3 makes new wrapper functions on every db.transaction() call.
  private prepareTransactions(db: Database.Database) {
    const { statements } = this;
    return {
      admitResetRequest: db.transaction(
        (username: string, now: number, since: number, max: number): boolean => {
          statements.pruneRequests.run({ since });
          const recent = statements.countRequests.pluck().get({ username, since }) as number;
          if (recent >= max) return false;

          statements.addRequest.run({ username, now });
          return true;
        },
      ),
      recordFailure: db.transaction(
        (userId: number, now: number, since: number, limit: number, until: number): boolean => {
          statements.pruneFailures.run({ since });
          statements.addFailure.run({ userId, now });
          const failures = statements.countFailures.pluck().get({ userId, since }) as number;
          if (failures < limit) return false;

          statements.lock.run({ userId, until });
          statements.clearFailures.run(userId);
          return true;
        },
      ),
    };
  }

  // Both writes are IMMEDIATE transactions, as in the store: count and insert happen under the
  // write lock, so parallel requests, from any number of processes, cannot overrun a limit.

  /** Records a reset request unless the username already had `max` since `since`. */
  admitResetRequest(username: string, now: number, since: number, max: number): boolean {
    return this.transactions.admitResetRequest.immediate(username, now, since, max);
  }

  /**
   * Records a failure; when it makes `limit` within the window, locks the user until `until`
   * and starts the count again. Answers whether this failure locked the user.
   */
  recordFailure(userId: number, now: number, since: number, limit: number, until: number): boolean {
    return this.transactions.recordFailure.immediate(userId, now, since, limit, until);
  }

  lockedUntil(userId: number): number | undefined {
    return this.statements.lockedUntil.pluck().get(userId) as number | undefined;
  }
}
