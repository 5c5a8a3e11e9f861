#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultConfig, DEFAULT_HOST, DEFAULT_PORT } from './config';
import { controlCommand } from './ctl';
import { startServer } from './server';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  }
  return parsed;
}

interface ServeOptions {
  host: string;
  port: number;
  db: string;
  publicUrl?: string;
  logLevel: string;
  smtpUrl?: string;
  adminToken?: string;
  resetRequestsPerHour: number;
  lockoutFailures: number;
  bodyLimit: number;
  requestTimeout: number;
}

const program = new Command('slemu').description('A SoftLayer-compatible API emulator');

program
  .command('serve')
  .description('answer SoftLayer API calls over XML-RPC, REST and JSON-RPC')
  .addOption(
    new Option('--host <host>', 'address to listen on').env('SLEMU_HOST').default(DEFAULT_HOST),
  )
  .addOption(
    new Option('--port <port>', 'port to listen on')
      .env('SLEMU_PORT')
      .default(DEFAULT_PORT)
      .argParser(port),
  )
  .addOption(
    new Option('--db <file>', "SQLite file, or ':memory:' for a throwaway store")
      .env('SLEMU_DB')
      .default('./.slemu/slemu.db'),
  )
  .addOption(
    new Option(
      '--public-url <url>',
      'address used in email links (default http://<host>:<port>)',
    ).env('SLEMU_PUBLIC_URL'),
  )
  .addOption(
    new Option('--log-level <level>', 'pino log level').env('SLEMU_LOG_LEVEL').default('info'),
  )
  .addOption(
    new Option('--smtp-url <url>', 'also send every email through this SMTP server').env(
      'SLEMU_SMTP_URL',
    ),
  )
  .addOption(
    new Option(
      '--admin-token <token>',
      'token for /_slemu/ and the pages (needed off loopback)',
    ).env('SLEMU_ADMIN_TOKEN'),
  )
  .addOption(
    new Option('--reset-requests-per-hour <n>', 'password reset requests per username per hour')
      .env('SLEMU_RESET_REQUESTS_PER_HOUR')
      .default(5)
      .argParser(positiveCount),
  )
  .addOption(
    new Option('--lockout-failures <n>', 'failed attempts in 30 minutes that lock a user')
      .env('SLEMU_LOCKOUT_FAILURES')
      .default(10)
      .argParser(positiveCount),
  )
  .addOption(
    new Option('--body-limit <bytes>', 'largest request body accepted')
      .env('SLEMU_BODY_LIMIT')
      .default(1024 * 1024)
      .argParser(positiveCount),
  )
  .addOption(
    new Option('--request-timeout <ms>', 'time allowed to receive a whole request')
      .env('SLEMU_REQUEST_TIMEOUT')
      .default(30_000)
      .argParser(positiveCount),
  )
  .action(async (options: ServeOptions) => {
    const config = defaultConfig({
      host: options.host,
      port: options.port,
      db: options.db,
      logLevel: options.logLevel,
    });
    if (options.publicUrl) config.publicUrl = options.publicUrl.replace(/\/+$/, '');
    if (options.smtpUrl) config.smtpUrl = options.smtpUrl;
    if (options.adminToken) config.adminToken = options.adminToken;
    config.resetRequestLimit = { max: options.resetRequestsPerHour, windowMinutes: 60 };
    config.lockout = { ...config.lockout, maxFailures: options.lockoutFailures };
    config.bodyLimitBytes = options.bodyLimit;
    config.requestTimeoutMs = options.requestTimeout;
    await startServer(config);
  });

program.addCommand(controlCommand());

function positiveCount(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('a whole number from 1');
  return parsed;
}

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
