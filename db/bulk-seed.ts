import type Database from 'better-sqlite3';
import { hashSecret } from '../src/security/secret-token';

// Large synthetic populations for the benchmark: many users and outstanding reset keys on top
// of the fixtures, inserted in one transaction. Not for the sandbox itself.

export const syntheticUsername = (index: number) => `bench.user${index}`;
/** The live reset key of synthetic user `index`; its older keys are superseded. */
export const syntheticKey = (index: number) => `bench-key-${index}`;
const supersededKey = (index: number, generation: number) => `bench-old-${index}-${generation}`;

const FIRST_ID = 1_000_000;
const ACCOUNT_ID = 1001;
// Sub-users of SL1001: a master user who has logged in could not reset without questions.
const PARENT_ID = 7001;

/** `count` users, each with `keysPerUser` reset keys of which only the newest is live. */
export function addSyntheticUsers(db: Database.Database, count: number, keysPerUser: number): void {
  const insertUser = db.prepare(
    `INSERT INTO users (id, account_id, parent_id, username, email, first_name, user_status_id,
       created_at, modified_at, status_changed_at, last_login_at)
     VALUES (@id, ${ACCOUNT_ID}, ${PARENT_ID}, @username, @email, 'Bench', 1001, @now, @now, @now, @now)`,
  );
  const insertKey = db.prepare(
    `INSERT INTO password_keys (key_hash, user_id, created_at, expires_at, superseded_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  const expires = now + 365 * 24 * 3_600_000;

  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const id = FIRST_ID + index;
      const username = syntheticUsername(index);
      insertUser.run({ id, username, email: `${username}@example.com`, now });

      for (let generation = 1; generation < keysPerUser; generation += 1) {
        insertKey.run(hashSecret(supersededKey(index, generation)), id, now, expires, now);
      }
      insertKey.run(hashSecret(syntheticKey(index)), id, now, expires, null);
    }
  })();
}
