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
  /** Larger request bodies are refused before they are read whole. */
  bodyLimitBytes: number;
  /** A request not received completely within this time is answered 408 and its socket closed. */
  requestTimeoutMs: number;
  /** initiatePortalPasswordChange requests admitted per username in a rolling window. */
  resetRequestLimit: { max: number; windowMinutes: number };
  /** Failed proofs (answer, code, login password) within a window that lock a user. */
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  /** Emails also go out through this SMTP server (nodemailer URL) when set. */
  smtpUrl?: string;
  smtpFrom: string;
  /** Required on /_slemu/ and the pages when set; slemu refuses a non-loopback host without it. */
  adminToken?: string;
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
    bodyLimitBytes: 1024 * 1024,
    requestTimeoutMs: 30_000,
    resetRequestLimit: { max: 5, windowMinutes: 60 },
    lockout: { maxFailures: 10, windowMinutes: 30, lockMinutes: 30 },
    smtpFrom: 'IBM Cloud (slemu) <no-reply@slemu.invalid>',
    ...overrides,
  };
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach slemu there. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
