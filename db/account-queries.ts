import type Database from 'better-sqlite3';
import { USER_COLUMNS, USER_FROM, type Store, type UserRecord } from './store';

// Reads for accounts and the relations masks and filters reach: an account's users, a user's
// children, statuses and security answers. Prepared once per database, beside the main store.

export interface AccountRecord {
  id: number;
  companyName: string;
  email: string;
}

export interface UserStatusRecord {
  id: number;
  keyName: string;
  name: string;
}

export interface SecurityAnswerRow {
  id: number;
  userId: number;
  questionId: number;
}

export class AccountQueries {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      accountById: db.prepare(
        'SELECT id, company_name AS companyName, email FROM accounts WHERE id = ?',
      ),
      usersOfAccount: db.prepare(
        `SELECT ${USER_COLUMNS} ${USER_FROM} WHERE u.account_id = ? ORDER BY u.id`,
      ),
      childrenOf: db.prepare(
        `SELECT ${USER_COLUMNS} ${USER_FROM} WHERE u.parent_id = ? ORDER BY u.id`,
      ),
      masterOf: db.prepare(
        `SELECT ${USER_COLUMNS} ${USER_FROM}
         WHERE u.account_id = ? AND u.parent_id IS NULL ORDER BY u.id LIMIT 1`,
      ),
      statusById: db.prepare(
        'SELECT id, key_name AS keyName, name FROM user_statuses WHERE id = ?',
      ),
      answersOf: db.prepare(
        `SELECT id, user_id AS userId, question_id AS questionId
         FROM security_answers WHERE user_id = ? ORDER BY id`,
      ),
      questionById: db.prepare(
        `SELECT id, question, display_order AS displayOrder, viewable
         FROM security_questions WHERE id = ?`,
      ),
    };
  }

  findAccount(id: number): AccountRecord | undefined {
    return this.statements.accountById.get(id) as AccountRecord | undefined;
  }

  usersOfAccount(accountId: number): UserRecord[] {
    return this.statements.usersOfAccount.all(accountId) as UserRecord[];
  }

  childrenOf(userId: number): UserRecord[] {
    return this.statements.childrenOf.all(userId) as UserRecord[];
  }

  masterUserOf(accountId: number): UserRecord | undefined {
    return this.statements.masterOf.get(accountId) as UserRecord | undefined;
  }

  findUserStatus(id: number): UserStatusRecord | undefined {
    return this.statements.statusById.get(id) as UserStatusRecord | undefined;
  }

  securityAnswersOf(userId: number): SecurityAnswerRow[] {
    return this.statements.answersOf.all(userId) as SecurityAnswerRow[];
  }

  findSecurityQuestion(id: number): Record<string, unknown> | undefined {
    return this.statements.questionById.get(id) as Record<string, unknown> | undefined;
  }
}

const byDatabase = new WeakMap<Database.Database, AccountQueries>();

/** The queries for a store's database, prepared on first use. */
export function accountQueries(store: Store): AccountQueries {
  let queries = byDatabase.get(store.db);
  if (!queries) {
    queries = new AccountQueries(store.db);
    byDatabase.set(store.db, queries);
  }
  return queries;
}
