import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';

// `slemu ctl …`: the control API (/_slemu/) of a running slemu, over HTTP, printing its JSON.

interface ControlOptions {
  url: string;
  token?: string;
}

async function request(options: ControlOptions, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';

  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${options.url.replace(/\/+$/, '')}${path}`, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  console.log(JSON.stringify(JSON.parse(text), null, 2));
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as unknown;
}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`not a whole number: ${value}`);
  return parsed;
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
    .option('--to <address>', 'only emails to this address')
    .action(async (options: { to?: string }) => {
      const query = options.to ? `?to=${encodeURIComponent(options.to)}` : '';
      await request(ctl.opts(), 'GET', `/_slemu/outbox${query}`);
    });
  outbox.command('clear').action(run('DELETE', '/_slemu/outbox'));

  const faults = ctl.command('faults').description('make a method fail or slow down');
  faults.command('list', { isDefault: true }).action(run('GET', '/_slemu/faults'));
  faults
    .command('add <service> <method>')
    .description("method may be '*' for every method of the service")
    .option('--exception <name>', 'SoftLayer exception to answer with')
    .option('--message <text>', 'its message')
    .option('--latency <ms>', 'delay before answering', positiveInt)
    .option('--calls <n>', 'only the next n calls', positiveInt)
    .option('--seconds <s>', 'only for this long', Number)
    .action(async (service: string, method: string, o: Record<string, unknown>) => {
      const spec = {
        service,
        method,
        exception: o.exception,
        message: o.message,
        latencyMs: o.latency,
        calls: o.calls,
        seconds: o.seconds,
      };
      await request(ctl.opts(), 'POST', '/_slemu/faults', spec);
    });
  faults.command('clear').action(run('DELETE', '/_slemu/faults'));

  // The clock and phone endpoints belong to the second-factor work (src/sandbox/ clock, phone).
  const clock = ctl.command('clock').description("slemu's clock, which only moves forward");
  clock.command('show', { isDefault: true }).action(run('GET', '/_slemu/clock'));
  clock
    .command('advance <seconds>')
    .action(async (seconds: string) =>
      request(ctl.opts(), 'POST', '/_slemu/clock', { advanceSeconds: Number(seconds) }),
    );
  ctl
    .command('phone <username> <answer>')
    .description("how the user's simulated phone answers: approve, deny or none")
    .action(async (username: string, answer: string) =>
      request(ctl.opts(), 'POST', `/_slemu/phone/${encodeURIComponent(username)}`, { answer }),
    );

  return ctl;
}
