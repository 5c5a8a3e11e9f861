import type Database from 'better-sqlite3';

// Second factors, the one-time codes they have accepted, and the simulated phone's answer.

export interface SecondFactorRecord {
  userId: number;
  /** The authenticationMethods code: 2 Verisign, 3 TOTP, 4 phone factor. */
  method: number;
  secret: string | null;
}

/** The authenticationMethods code of the phone factor, the one with a simulated phone. */
export const PHONE_FACTOR_METHOD = 4;

const USED_CODE_RETENTION_MS = 10 * 60_000;

export type PhoneAnswer = 'approve' | 'deny' | 'none';

export class SecondFactorStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO user_second_factors (user_id, method, secret)
         VALUES (@userId, @method, @secret)`,
      ),
      byUser: db.prepare(
        'SELECT user_id AS userId, method, secret FROM user_second_factors WHERE user_id = ?',
      ),
      // A step more than one away from now is refused anyway, so old rows need not stay.
      pruneSteps: db.prepare('DELETE FROM used_security_codes WHERE used_at < @before'),
      // The primary key refuses a second use of the same step: that is the replay check.
      useStep: db.prepare(
        `INSERT OR IGNORE INTO used_security_codes (user_id, method, step, used_at)
         VALUES (@userId, @method, @step, @now)`,
      ),
      setPhone: db.prepare(
        `INSERT INTO phone_answers (user_id, answer, updated_at) VALUES (@userId, @answer, @now)
         ON CONFLICT (user_id)
         DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at`,
      ),
      phone: db.prepare('SELECT answer FROM phone_answers WHERE user_id = ?'),
    };
  }

  insert(factor: SecondFactorRecord): void {
    this.statements.insert.run(factor);
  }

  find(userId: number): SecondFactorRecord | undefined {
    return this.statements.byUser.get(userId) as SecondFactorRecord | undefined;
  }

  /** Marks a code's time step used; false if it was used before. */
  useStep(userId: number, method: number, step: number, now: number): boolean {
    this.statements.pruneSteps.run({ before: now - USED_CODE_RETENTION_MS });
    return this.statements.useStep.run({ userId, method, step, now }).changes === 1;
  }

  setPhoneAnswer(userId: number, answer: PhoneAnswer, now: number): void {
    this.statements.setPhone.run({ userId, answer, now });
  }

  phoneAnswer(userId: number): PhoneAnswer {
    return (this.statements.phone.pluck().get(userId) as PhoneAnswer | undefined) ?? 'none';
  }
}
