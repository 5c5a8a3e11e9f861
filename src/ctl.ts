import { Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';

// `slemu ctl …`: the control API (/_slemu/) of a running slemu, over HTTP, printing its JSON.

interface ControlOptions {
  url: string;
  token?: string;
}

async function request(options: ControlOptions, method: string, path: string, body?: unknown) {
  console.log(JSON.stringify(await fetchJson(options, method, path, body), null, 2));
}

async function fetchJson(options: ControlOptions, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';

  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${options.url.replace(/\/+$/, '')}${path}`, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}: ${reason(text)}`);
  return JSON.parse(text) as unknown;
}

// The control API explains itself in {"error": "…"}; anything else is shown as it came.
function reason(text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: unknown };
    return typeof error === 'string' ? error : text;
  } catch {
    return text;
  }
}

interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  delivery: { status: string };
}

/** One email without its bodies: the reset link is the one address in the text part. */
function outboxSummary(message: OutboxMessage) {
  const { id, to, subject, createdAt, delivery } = message;
  const link = /https?:\/\/\S+/.exec(message.text)?.[0] ?? null;
  return { id, to, subject, createdAt, link, delivery: delivery.status };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as unknown;
}

// Checked here so a mistake names the flag the user typed, not the control API's body field.
const wholeNumber = (from: number, to: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < from || parsed > to) {
    throw new InvalidArgumentError(`a whole number from ${from} to ${to}`);
  }
  return parsed;
};

function seconds(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new InvalidArgumentError('a number of seconds, 0 or more');
  }
  return parsed;
}

interface FaultOptions {
  exception?: string;
  message?: string;
  latency?: number;
  calls?: number;
  seconds?: number;
}

function faultSpec(service: string, method: string, o: FaultOptions) {
  if (o.exception === undefined && o.latency === undefined) {
    throw new Error('give --exception, --latency, or both');
  }
  if (o.exception !== undefined && !o.exception.startsWith('SoftLayer_Exception')) {
    throw new Error(`--exception takes a SoftLayer exception name, not ${o.exception}`);
  }
  if (o.seconds === 0) throw new Error('--seconds must be more than 0');

  const { exception, message, latency: latencyMs, calls, seconds: forSeconds } = o;
  return { service, method, exception, message, latencyMs, calls, seconds: forSeconds };
}

export function controlCommand(): Command {
  const ctl = new Command('ctl')
    .description("drive a running slemu's sandbox through its control API (/_slemu/)")
    .addOption(
      new Option('--url <url>', 'where slemu listens')
        .env('SLEMU_URL')
        .default('http://127.0.0.1:8080'),
    )
    .addOption(
      new Option('--token <token>', 'the admin token, if slemu has one').env('SLEMU_ADMIN_TOKEN'),
    );
  const run = (method: string, path: string, body?: () => unknown) => async () =>
    request(ctl.opts<ControlOptions>(), method, path, body?.());

  ctl
    .command('reset')
    .description('put the default fixtures back; empties the outbox')
    .action(run('POST', '/_slemu/reset'));
  ctl
    .command('load <file>')
    .description("replace the sandbox data with a fixtures file ('-' for stdin)")
    .action(async (file: string) =>
      request(ctl.opts(), 'POST', '/_slemu/fixtures', readJson(file)),
    );

  const users = ctl.command('users').description('sandbox users, with their secrets');
  users.command('list', { isDefault: true }).action(run('GET', '/_slemu/users'));
  users
    .command('show <user>')
    .description('by id or username')
    .action(async (user: string) =>
      request(ctl.opts(), 'GET', `/_slemu/users/${encodeURIComponent(user)}`),
    );
  users
    .command('create <file>')
    .description("create a user from JSON like a fixtures user ('-' for stdin)")
    .action(async (file: string) => request(ctl.opts(), 'POST', '/_slemu/users', readJson(file)));
  users
    .command('delete <user>')
    .action(async (user: string) =>
      request(ctl.opts(), 'DELETE', `/_slemu/users/${encodeURIComponent(user)}`),
    );

  const outbox = ctl.command('outbox').description('the emails slemu sent');
  outbox
    .command('list', { isDefault: true })
    .description('newest first: id, to, subject, reset link, delivery status')
    .option('--to <address>', 'only emails to this address')
    .option('--full', 'every field, the text and HTML bodies too')
    .option('--html', 'the same as --full')
    .action(async (options: { to?: string; full?: boolean; html?: boolean }) => {
      const query = options.to ? `?to=${encodeURIComponent(options.to)}` : '';
      const all = await fetchJson(ctl.opts(), 'GET', `/_slemu/outbox${query}`);
      const { messages } = all as { messages: OutboxMessage[] };
      const shown = options.full || options.html ? all : { messages: messages.map(outboxSummary) };
      console.log(JSON.stringify(shown, null, 2));
    });
  outbox
    .command('clear')
    .description('delete the emails, all of them or only those to one address')
    .option('--to <address>', 'only emails to this address')
    .action(async (options: { to?: string }) => {
      const query = options.to ? `?to=${encodeURIComponent(options.to)}` : '';
      await request(ctl.opts(), 'DELETE', `/_slemu/outbox${query}`);
    });

  const faults = ctl.command('faults').description('make a method fail or slow down');
  faults.command('list', { isDefault: true }).action(run('GET', '/_slemu/faults'));
  faults
    .command('add <service> <method>')
    .description("method may be '*' for every method of the service")
    .option('--exception <name>', 'SoftLayer exception to answer with')
    .option('--message <text>', 'its message')
    .option('--latency <ms>', 'delay before answering', wholeNumber(0, 600_000))
    .option('--calls <n>', 'only the next n calls', wholeNumber(1, Number.MAX_SAFE_INTEGER))
    .option('--seconds <s>', "only for this long on slemu's clock", seconds)
    .action(async (service: string, method: string, o: FaultOptions) =>
      request(ctl.opts(), 'POST', '/_slemu/faults', faultSpec(service, method, o)),
    );
  faults.command('clear').action(run('DELETE', '/_slemu/faults'));

  // The clock and phone endpoints belong to the second-factor work (src/sandbox/ clock, phone).
  const clock = ctl.command('clock').description("slemu's clock, which only moves forward");
  clock.command('show', { isDefault: true }).action(run('GET', '/_slemu/clock'));
  clock
    .command('advance')
    .argument('<seconds>', 'how far to move it', seconds)
    .action(async (advanceSeconds: number) =>
      request(ctl.opts(), 'POST', '/_slemu/clock', { advanceSeconds }),
    );
  ctl
    .command('phone <username> <answer>')
    .description("how the user's simulated phone answers: approve, deny or none")
    .action(async (username: string, answer: string) =>
      request(ctl.opts(), 'POST', `/_slemu/phone/${encodeURIComponent(username)}`, { answer }),
    );

  return ctl;
}
