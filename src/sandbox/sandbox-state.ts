import type { SandboxStore } from '../../db/sandbox-store';
import {
  hashUserSecrets,
  insertPreparedUser,
  insertSeed,
  prepareSeed,
  readFixtures,
  type FixtureUser,
  type Fixtures,
} from '../../db/seed';
import { accountQueries } from '../../db/account-queries';
import type { Store, UserRecord } from '../../db/store';
import type { Clock } from '../clock';
import type { FaultInjector } from './faults';

/** A sandbox user as the control API shows it: the record plus its plain secrets. */
export interface SandboxUser {
  id: number;
  accountId: number;
  parentId: number | null;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: string;
  hasLoggedIn: boolean;
  loginQuestionRequired: boolean;
  password: string | null;
  passwordChanged: boolean;
  apiKey: string | null;
  securityAnswers: { questionId: number; question: string; answer: string }[];
  /** `{type, secret}`: a TOTP or VeriSign secret (base32) generates the codes the user types. */
  secondFactor: { type: string; secret?: string } | null;
}

export type NewSandboxUser = Omit<FixtureUser, 'id' | 'accountId' | 'parentId'> & {
  id?: number;
  accountId?: number;
  /** Left out: the account's master user. `null` asks for a master user (a new account's). */
  parentId?: number | null;
};

/** A control-plane request the sandbox refuses, with the HTTP status that says why. */
export class SandboxError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Resets, loads and edits the sandbox data behind /_slemu/ and `slemu ctl`. */
export class SandboxState {
  constructor(
    private readonly store: Store,
    private readonly sandbox: SandboxStore,
    private readonly clock: Clock,
    private readonly faults: FaultInjector,
    private readonly defaultFixturesFile: string,
  ) {}

  /**
   * Replaces all sandbox data with the fixtures (the default file when none are given) in one
   * transaction, and drops injected faults. The outbox empties too: it belongs to the old data.
   */
  async reset(fixtures: Fixtures = readFixtures(this.defaultFixturesFile)): Promise<void> {
    const seed = await prepareSeed(fixtures);
    const now = this.clock.now();

    this.guard(() =>
      this.store.db.transaction(() => {
        this.sandbox.wipe();
        insertSeed(this.store, this.sandbox, seed, now);
      })(),
    );
    this.faults.clear();
  }

  users(): SandboxUser[] {
    return this.sandbox.users().map((user) => this.view(user));
  }

  findUser(idOrUsername: string): SandboxUser | undefined {
    const user = /^\d+$/.test(idOrUsername)
      ? this.store.findUserById(Number(idOrUsername))
      : this.store.findUserByUsername(idOrUsername);
    return user && this.view(user);
  }

  async createUser(spec: NewSandboxUser): Promise<SandboxUser> {
    const accountId = spec.accountId ?? this.sandbox.accountIds()[0];
    if (accountId === undefined)
      throw new SandboxError(409, 'the sandbox has no account to add a user to');

    if (this.store.findUserByUsername(spec.username)) {
      throw new SandboxError(409, `username ${spec.username} is taken`);
    }
    if (spec.id !== undefined && this.store.findUserById(spec.id)) {
      throw new SandboxError(409, `user id ${spec.id} is taken`);
    }
    const parentId = this.parentFor(accountId, spec.parentId);
    const { parentId: _asked, ...rest } = spec;
    const user: FixtureUser = {
      ...rest,
      id: spec.id ?? this.sandbox.nextUserId(),
      accountId,
      ...(parentId === undefined ? {} : { parentId }),
    };
    const prepared = await hashUserSecrets(user);
    const now = this.clock.now();
    this.guard(() =>
      this.store.db.transaction(() =>
        insertPreparedUser(this.store, this.sandbox, prepared, now),
      )(),
    );
    return this.findUser(String(user.id)) as SandboxUser;
  }

  // An account has one master user (the one without a parent), whom SoftLayer_Account's
  // masterUser names; a second would contradict it.
  private parentFor(accountId: number, parentId: number | null | undefined): number | undefined {
    if (parentId !== undefined && parentId !== null) return parentId;

    const master = accountQueries(this.store).masterUserOf(accountId);
    if (master && parentId === null) {
      throw new SandboxError(
        409,
        `account ${accountId} already has a master user, ${master.username}; ` +
          'give a parentId or leave it out to make the user theirs',
      );
    }
    return master?.id;
  }

  deleteUser(idOrUsername: string): void {
    const user = this.findUser(idOrUsername);
    if (!user) throw new SandboxError(404, `no user ${idOrUsername}`);
    if (this.sandbox.hasChildren(user.id)) {
      throw new SandboxError(
        409,
        `${user.username} is the parent of other users; delete them first`,
      );
    }
    this.guard(() => this.sandbox.deleteUser(user.id));
  }

  private view(user: UserRecord): SandboxUser {
    const secrets = this.sandbox.secretsOf(user);
    const questions = new Map(this.store.securityQuestions().map((q) => [q.id, q.question]));

    return {
      id: user.id,
      accountId: user.accountId,
      parentId: user.parentId,
      username: user.username,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      status: user.statusKeyName,
      hasLoggedIn: user.lastLoginAt !== null,
      loginQuestionRequired: user.loginQuestionRequired === 1,
      password: secrets.password,
      passwordChanged: secrets.passwordChanged,
      apiKey: secrets.apiKey,
      securityAnswers: secrets.securityAnswers.map(({ questionId, answer }) => ({
        questionId,
        question: questions.get(questionId) ?? '',
        answer,
      })),
      secondFactor: secrets.secondFactor,
    };
  }

  // Constraint failures are the caller's mistake (a taken username, an unknown account): 409.
  // Matched by code, not class: better-sqlite3's native side keeps the SqliteError class of
  // whichever copy of the module loaded it first (Jest loads one per test file).
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        throw new SandboxError(
          409,
          `the sandbox data is inconsistent: ${(error as Error).message}`,
        );
      }
      throw error;
    }
  }
}
