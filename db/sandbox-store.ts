import type Database from 'better-sqlite3';
import type { OutboxRecord, Store, UserRecord } from './store';

// The SQL of slemu's own control plane (/_slemu/): wiping the sandbox, plain secrets of sandbox
// users, outbox delivery results. Kept apart from store.ts, which serves the emulated API.

export type DeliveryStatus = 'none' | 'pending' | 'sent' | 'failed';

export interface OutboxEntry extends OutboxRecord {
  deliveryStatus: DeliveryStatus;
  deliveryError: string | null;
  deliveredAt: number | null;
}

export interface UserSecrets {
  password: string | null;
  /** True when a reset changed the password after the plain copy was kept. */
  passwordChanged: boolean;
  apiKey: string | null;
  securityAnswers: { questionId: number; answer: string }[];
  secondFactor: { type: string; secret?: string } | null;
}

export interface PlainSecrets {
  password: string | null;
  passwordHash: string | null;
  apiKey: string | null;
  securityAnswers: { questionId: number; answer: string }[];
  secondFactor: { type: string; secret?: string } | null;
}

interface SecretsRow {
  password: string | null;
  passwordHash: string | null;
  apiKey: string | null;
  answers: string;
  secondFactor: string | null;
}

// Lookup tables filled by migrations, not by fixtures: a reset keeps them.
const REFERENCE_TABLES = new Set(['user_statuses']);

const OUTBOX_COLUMNS = `id, recipient AS "to", subject, text_body AS text, html_body AS html,
  created_at AS createdAt, delivery_status AS deliveryStatus, delivery_error AS deliveryError,
  delivered_at AS deliveredAt`;

export class SandboxStore {
  private readonly statements;

  constructor(private readonly store: Store) {
    this.statements = prepareStatements(store.db);
  }

  get db(): Database.Database {
    return this.store.db;
  }

  /**
   * Empties every table the fixtures fill, inside the caller's transaction. Rows are deleted,
   * not the file swapped, so every prepared statement of the store stays valid.
   */
  wipe(): void {
    this.db.pragma('defer_foreign_keys = ON');
    const tables = this.statements.tables.pluck().all() as string[];
    for (const table of tables.filter((name) => !REFERENCE_TABLES.has(name))) {
      this.db.prepare(`DELETE FROM "${table}"`).run();
    }
  }

  keepSecrets(userId: number, secrets: PlainSecrets): void {
    this.statements.upsertSecrets.run({
      userId,
      password: secrets.password,
      passwordHash: secrets.passwordHash,
      apiKey: secrets.apiKey,
      securityAnswers: JSON.stringify(secrets.securityAnswers),
      secondFactor: secrets.secondFactor && JSON.stringify(secrets.secondFactor),
    });
  }

  users(): UserRecord[] {
    const ids = this.statements.userIds.pluck().all() as number[];
    return ids.map((id) => this.store.findUserById(id)).filter((user) => user !== undefined);
  }

  secretsOf(user: UserRecord): UserSecrets {
    const row = this.statements.secretsOf.get(user.id) as SecretsRow | undefined;
    if (!row) {
      return {
        password: null,
        passwordChanged: false,
        apiKey: null,
        securityAnswers: [],
        secondFactor: null,
      };
    }

    const passwordChanged = row.passwordHash !== user.passwordHash;
    return {
      password: passwordChanged ? null : row.password,
      passwordChanged,
      apiKey: row.apiKey,
      securityAnswers: JSON.parse(row.answers) as UserSecrets['securityAnswers'],
      secondFactor:
        row.secondFactor === null
          ? null
          : (JSON.parse(row.secondFactor) as UserSecrets['secondFactor']),
    };
  }

  /** False when the user does not exist. Their keys, tokens and answers go with them. */
  deleteUser(userId: number): boolean {
    return this.statements.deleteUser.run(userId).changes === 1;
  }

  hasChildren(userId: number): boolean {
    return this.statements.childCount.pluck().get(userId) !== 0;
  }

  nextUserId(): number {
    return ((this.statements.maxUserId.pluck().get() as number | null) ?? 7000) + 1;
  }

  accountIds(): number[] {
    return this.statements.accountIds.pluck().all() as number[];
  }

  outbox(recipient?: string): OutboxEntry[] {
    const rows =
      recipient === undefined
        ? this.statements.allMessages.all()
        : this.statements.messagesTo.all(recipient);
    return rows as OutboxEntry[];
  }

  findMessage(id: number): OutboxEntry | undefined {
    return this.statements.messageById.get(id) as OutboxEntry | undefined;
  }

  /** Deletes every email, or only those to one address; answers how many went. */
  clearOutbox(recipient?: string): number {
    if (recipient === undefined) return this.statements.clearOutbox.run().changes;
    return this.statements.clearOutboxTo.run(recipient).changes;
  }

  recordDelivery(
    id: number,
    status: DeliveryStatus,
    error: string | null,
    at: number | null,
  ): void {
    this.statements.recordDelivery.run({ id, status, error, at });
  }
}

function prepareStatements(db: Database.Database) {
  return {
    tables: db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    ),
    upsertSecrets: db.prepare(
      `INSERT INTO sandbox_secrets
         (user_id, password, password_hash, api_key, security_answers, second_factor)
       VALUES (@userId, @password, @passwordHash, @apiKey, @securityAnswers, @secondFactor)
       ON CONFLICT (user_id) DO UPDATE SET password = excluded.password,
         password_hash = excluded.password_hash, api_key = excluded.api_key,
         security_answers = excluded.security_answers, second_factor = excluded.second_factor`,
    ),
    secretsOf: db.prepare(
      `SELECT password, password_hash AS passwordHash, api_key AS apiKey,
       security_answers AS answers, second_factor AS secondFactor
       FROM sandbox_secrets WHERE user_id = ?`,
    ),
    userIds: db.prepare('SELECT id FROM users ORDER BY id'),
    deleteUser: db.prepare('DELETE FROM users WHERE id = ?'),
    childCount: db.prepare('SELECT count(*) FROM users WHERE parent_id = ?'),
    maxUserId: db.prepare('SELECT max(id) FROM users'),
    accountIds: db.prepare('SELECT id FROM accounts ORDER BY id'),
    allMessages: db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC`),
    messagesTo: db.prepare(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE recipient = ? COLLATE NOCASE ORDER BY id DESC`,
    ),
    messageById: db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = ?`),
    clearOutbox: db.prepare('DELETE FROM outbox'),
    clearOutboxTo: db.prepare('DELETE FROM outbox WHERE recipient = ? COLLATE NOCASE'),
    recordDelivery: db.prepare(
      `UPDATE outbox SET delivery_status = @status, delivery_error = @error, delivered_at = @at
       WHERE id = @id`,
    ),
  };
}
