import { defaultPasswordPolicy, type PasswordPolicy } from './security/password-policy';

export interface AppConfig {
  host: string;
  port: number;
  /** SQLite file, or ':memory:' for a throwaway store. */
  db: string;
  /** The address people and emails use to reach this slemu, without a trailing slash. */
  publicUrl: string;
  fixtures: string;
  logLevel: string;
  passwordPolicy: PasswordPolicy;
  resetKeyLifetimeHours: number;
  portalTokenLifetimeHours: number;
  /** initiatePortalPasswordChange requests admitted per username in a rolling window. */
  resetRequestLimit: { max: number; windowMinutes: number };
  /** Failed proofs (answer, code, login password) within a window that lock a user. */
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const host = overrides.host ?? DEFAULT_HOST;
  const port = overrides.port ?? DEFAULT_PORT;
  return {
    host,
    port,
    db: './.slemu/slemu.db',
    publicUrl: `http://${host}:${port}`,
    fixtures: 'fixtures/default.json',
    logLevel: 'info',
    passwordPolicy: defaultPasswordPolicy,
    resetKeyLifetimeHours: 24,
    portalTokenLifetimeHours: 48,
    resetRequestLimit: { max: 5, windowMinutes: 60 },
    lockout: { maxFailures: 10, windowMinutes: 30, lockMinutes: 30 },
    ...overrides,
  };
}
