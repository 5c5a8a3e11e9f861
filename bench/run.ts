import { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDatabase } from './databases';
import { drive, type LoadResult, type LoadSpec } from './load';
import {
  cpuMicros,
  freePort,
  LOAD_CPU,
  pinned,
  residentMiB,
  startServer,
  stopServer,
  type RunningServer,
} from './processes';
import * as scenarios from './scenarios';
import { dataPath } from '../src/paths';

// npm run bench: slemu against bare-fastify baselines measured in the same run, alternating,
// repeated, medians reported as ratios. Servers run on one core, the load generator on the other.

interface Plan {
  rounds: number;
  seconds: number;
  connections: number;
  bigUsers: number;
  keysPerUser: number;
  startups: number;
}

const FULL: Plan = {
  rounds: 3,
  seconds: 10,
  connections: 100,
  bigUsers: 100_000,
  keysPerUser: 10,
  startups: 5,
};
const QUICK: Plan = {
  rounds: 1,
  seconds: 3,
  connections: 100,
  bigUsers: 10_000,
  keysPerUser: 10,
  startups: 2,
};
const SMALL_USERS = 1_000;

const node = process.execPath;
const cli = dataPath('dist', 'src', 'cli.js');
const baseline = dataPath('dist', 'bench', 'baseline-server.js');

interface Row {
  scenario: string;
  target: string;
  result: LoadResult;
  ratio?: number;
  goal?: string;
}

async function main(): Promise<void> {
  const options = new Command('bench')
    .option('--quick', 'one short round on a smaller database (about a minute)')
    .parse()
    .opts<{ quick?: boolean }>();
  const plan = options.quick ? QUICK : FULL;

  const work = mkdtempSync(join(tmpdir(), 'slemu-bench-'));
  try {
    await run(plan, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function run(plan: Plan, work: string): Promise<void> {
  log(`building databases (${SMALL_USERS} and ${plan.bigUsers} synthetic users)`);
  const smallDb = await buildDatabase(work, 'small', SMALL_USERS, 1);
  const bigDb = await buildDatabase(work, 'big', plan.bigUsers, plan.keysPerUser);

  const startup = await measureStartups(plan, work);

  const servers = {
    json: await startBaseline('json'),
    xml: await startBaseline('xml'),
    small: await startSlemu('slemu', smallDb),
    big: await startSlemu('slemu (big db)', bigDb),
  };
  const idle = { baseline: residentMiB(servers.json), slemu: residentMiB(servers.small) };

  const rows: Row[] = [];
  try {
    const hasJsonRpc = await answersJsonRpc(servers.small.baseUrl);
    // The goal is a ratio and its wording; a comparison with no goal of its own has none.
    type Goal = [number, string] | undefined;
    const pairs: [string, RunningServer, LoadSpec, RunningServer, LoadSpec, Goal][] = [
      [
        'REST getObject',
        servers.json,
        scenarios.sameShape(scenarios.restGetObject),
        servers.small,
        scenarios.restGetObject,
        [0.6, '>= 0.6'],
      ],
      [
        'XML-RPC getObject',
        servers.xml,
        scenarios.xmlrpcGetObject,
        servers.small,
        scenarios.xmlrpcGetObject,
        [0.5, '>= 0.5'],
      ],
      [
        'initiate + email',
        servers.json,
        scenarios.sameShape(scenarios.initiates(SMALL_USERS, plan.bigUsers)),
        servers.big,
        scenarios.initiates(SMALL_USERS, plan.bigUsers),
        [0.12, '>= 0.12'],
      ],
      [
        'key lookup, big vs small db',
        servers.small,
        scenarios.keyLookups(SMALL_USERS),
        servers.big,
        scenarios.keyLookups(SMALL_USERS),
        [0.9, '>= 0.9'],
      ],
      // Last: these initiates supersede the keys the lookups above read.
      [
        'initiate, big vs small db',
        servers.small,
        scenarios.initiates(0, SMALL_USERS),
        servers.big,
        scenarios.initiates(SMALL_USERS, plan.bigUsers),
        undefined,
      ],
    ];
    if (hasJsonRpc) {
      pairs.splice(2, 0, [
        'JSON-RPC getObject',
        servers.json,
        scenarios.sameShape(scenarios.jsonrpcGetObject),
        servers.small,
        scenarios.jsonrpcGetObject,
        [0.6, '>= 0.6'],
      ]);
    } else {
      log('JSON-RPC is not served by this build; that scenario is skipped');
    }

    for (const [scenario, base, baseSpec, subject, subjectSpec, goal] of pairs) {
      log(`${scenario}: ${plan.rounds} round(s) of ${plan.seconds} s each side`);
      const [baseResult, subjectResult] = await alternate(
        plan,
        [base, baseSpec],
        [subject, subjectSpec],
      );
      const ratio = subjectResult.rps / baseResult.rps;
      rows.push({ scenario, target: base.name, result: baseResult });
      const verdictFor = (measured: number) =>
        goal === undefined ? '' : verdict(measured >= goal[0], goal[1]);
      rows.push({
        scenario,
        target: subject.name,
        result: subjectResult,
        ratio,
        goal: verdictFor(ratio),
      });
      // On a shared machine the CPU each request costs is the steadier comparison.
      const cpuRatio = baseResult.cpuPerRequest / Math.max(subjectResult.cpuPerRequest, 1);
      rows.push({
        scenario,
        target: 'same, by CPU time',
        result: subjectResult,
        ratio: cpuRatio,
        goal: verdictFor(cpuRatio),
      });
      const p99Ratio = subjectResult.p99 / Math.max(baseResult.p99, 1);
      rows.push({
        scenario,
        target: 'p99 vs baseline',
        result: subjectResult,
        ratio: p99Ratio,
        goal: goal === undefined ? '' : verdict(p99Ratio <= 2, '<= 2'),
      });
    }
  } finally {
    const loaded = residentMiB(servers.small);
    await Promise.all(Object.values(servers).map(stopServer));
    printTable(rows);
    printStartup(startup, idle, loaded);
  }
}

async function startBaseline(kind: 'json' | 'xml'): Promise<RunningServer> {
  const port = await freePort();
  return startServer(`fastify (${kind})`, node, [baseline, kind, String(port)], port);
}

async function startSlemu(name: string, db: string): Promise<RunningServer> {
  const port = await freePort();
  // Every run of a scenario starts again at its first user, and the small database has only
  // 1,000: the sandbox's five requests per user and hour would refuse most initiates.
  const limit = ['--reset-requests-per-hour', '1000000'];
  const args = [cli, 'serve', '--port', String(port), '--db', db, '--log-level', 'info', ...limit];
  return startServer(name, node, args, port);
}

async function answersJsonRpc(baseUrl: string): Promise<boolean> {
  const spec = scenarios.jsonrpcGetObject;
  const response = await fetch(`${baseUrl}${spec.path}`, {
    method: 'POST',
    headers: spec.headers ?? {},
    body: spec.body ?? '',
  });
  return response.status === 200;
}

/** Runs both sides `rounds` times, swapping which goes first, and keeps the medians. */
async function alternate(
  plan: Plan,
  first: [RunningServer, LoadSpec],
  second: [RunningServer, LoadSpec],
): Promise<[LoadResult, LoadResult]> {
  const results: [LoadResult[], LoadResult[]] = [[], []];
  const sides = [first, second] as const;

  const cpu = (server: RunningServer) => () => cpuMicros(server);
  for (const [server, spec] of sides) {
    await drive(server.baseUrl, spec, 1, plan.connections, cpu(server));
  }
  for (let round = 0; round < plan.rounds; round += 1) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const [server, spec] = sides[index as 0 | 1];
      const result = await drive(server.baseUrl, spec, plan.seconds, plan.connections, cpu(server));
      results[index as 0 | 1].push(result);
    }
  }
  return [median(results[0]), median(results[1])];
}

function median(results: LoadResult[]): LoadResult {
  const pick = (key: keyof LoadResult) => {
    const values = results.map((result) => result[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  return {
    rps: pick('rps'),
    p50: pick('p50'),
    p99: pick('p99'),
    failures: pick('failures'),
    cpuPerRequest: pick('cpuPerRequest'),
  };
}

interface Startup {
  baselineMs: number;
  slemuFreshMs: number;
  slemuExistingMs: number;
}

// Start-up to the first answered request: bare fastify, slemu seeding a new in-memory store,
// and slemu reopening an existing database file.
async function measureStartups(plan: Plan, work: string): Promise<Startup> {
  const existing = await buildDatabase(work, 'startup', 0, 0);
  const times = {
    baselineMs: [] as number[],
    slemuFreshMs: [] as number[],
    slemuExistingMs: [] as number[],
  };

  for (let attempt = 0; attempt < plan.startups; attempt += 1) {
    for (const [key, start] of [
      ['baselineMs', () => startBaseline('json')],
      ['slemuFreshMs', () => startSlemu('slemu', ':memory:')],
      ['slemuExistingMs', () => startSlemu('slemu', existing)],
    ] as const) {
      const server = await start();
      times[key].push(server.startupMs);
      await stopServer(server);
    }
  }
  const mid = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    baselineMs: mid(times.baselineMs),
    slemuFreshMs: mid(times.slemuFreshMs),
    slemuExistingMs: mid(times.slemuExistingMs),
  };
}

function verdict(met: boolean, goal: string): string {
  return `${met ? 'met' : 'MISSED'} (${goal})`;
}

function printTable(rows: Row[]): void {
  const header = [
    'scenario',
    'target',
    'req/s',
    'p50 ms',
    'p99 ms',
    'failed',
    'cpu µs/req',
    'ratio',
    'goal',
  ];
  const lines = rows.map((row) => {
    const measured = row.target !== 'p99 vs baseline' && row.target !== 'same, by CPU time';
    return [
      row.scenario,
      row.target,
      measured ? row.result.rps.toFixed(0) : '',
      measured ? row.result.p50.toFixed(1) : '',
      row.target === 'p99 vs baseline' || measured ? row.result.p99.toFixed(1) : '',
      measured ? String(row.result.failures) : '',
      measured ? row.result.cpuPerRequest.toFixed(0) : '',
      row.ratio === undefined ? '' : row.ratio.toFixed(2),
      row.goal ?? '',
    ];
  });
  printColumns(header, lines);
}

function printStartup(
  startup: Startup,
  idle: { baseline: number; slemu: number },
  loaded: number,
): void {
  const header = ['measure', 'baseline', 'slemu', 'ratio', 'goal'];
  const startRatio = startup.slemuFreshMs / startup.baselineMs;
  const existingRatio = startup.slemuExistingMs / startup.baselineMs;
  const memoryRatio = idle.slemu / idle.baseline;
  printColumns(header, [
    [
      'start-up, new :memory: store (ms)',
      startup.baselineMs.toFixed(0),
      startup.slemuFreshMs.toFixed(0),
      startRatio.toFixed(2),
      verdict(startRatio <= 1.5, '<= 1.5'),
    ],
    [
      'start-up, existing db file (ms)',
      startup.baselineMs.toFixed(0),
      startup.slemuExistingMs.toFixed(0),
      existingRatio.toFixed(2),
      verdict(existingRatio <= 1.5, '<= 1.5'),
    ],
    [
      'resident memory idle (MiB)',
      idle.baseline.toFixed(1),
      idle.slemu.toFixed(1),
      memoryRatio.toFixed(2),
      verdict(memoryRatio <= 1.5, '<= 1.5'),
    ],
    ['resident memory after load (MiB)', '', loaded.toFixed(1), '', ''],
  ]);
}

function printColumns(header: string[], lines: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

// The load generator takes the core the servers do not use.
if (
  process.env.SLEMU_BENCH_PINNED === undefined &&
  spawnSync('taskset', ['-c', LOAD_CPU, 'true']).status === 0
) {
  const [program, args] = pinned(LOAD_CPU, node, process.argv.slice(1));
  const child = spawnSync(program, args, {
    stdio: 'inherit',
    env: { ...process.env, SLEMU_BENCH_PINNED: '1' },
  });
  process.exit(child.status ?? 1);
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
