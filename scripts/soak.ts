import autocannon, { type Request } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { dataPath } from '../src/paths';

// A bounded soak of the built slemu: measure the peak rate of a realistic call mix, then hold
// half of it for a fixed time, sampling the server's memory. It passes with zero errors, zero
// faults and flat memory. Results are written up in docs/RELIABILITY.md.

interface SoakOptions {
  seconds: number;
  peakSeconds: number;
  connections: number;
  fraction: number;
}

const SL1001 = 'SL1001:0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899';
const SL1001_KEY = SL1001.split(':')[1]!;
const SAMPLE_EVERY_MS = 2000;
// Allowed growth of resident memory between the first and the last quarter of the soak.
const FLAT_MEMORY_RATIO = 1.2;

let faults = 0;
let checked = 0;
const countFaults = (status: number, body: string) => {
  checked += 1;
  if (status !== 200 || body.includes('<fault>') || body.includes('"error"')) faults += 1;
};

const xmlCall = (method: string, headers: string, params: string) =>
  `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>` +
  `<param><value><struct><member><name>headers</name><value><struct>${headers}</struct></value>` +
  `</member></struct></value></param>${params}</params></methodCall>`;

const member = (name: string, value: string) =>
  `<member><name>${name}</name><value>${value}</value></member>`;

// Reads (API-key authentication on every wire) and writes (a reset for a real user, which stores
// a key and an email; and one for an unknown name, which answers true and stores nothing). The
// slow scrypt calls (login, password set) are left out: they measure the hash, not slemu.
const MIX: Request[] = [
  {
    method: 'GET',
    path: '/rest/v3.1/SoftLayer_User_Customer/7002/getObject.json',
    headers: { authorization: `Basic ${Buffer.from(SL1001).toString('base64')}` },
    onResponse: countFaults,
  },
  {
    method: 'POST',
    path: '/xmlrpc/v3.1/SoftLayer_User_Customer',
    headers: { 'content-type': 'text/xml' },
    body: xmlCall(
      'getObject',
      member(
        'authenticate',
        `<struct>${member('username', 'SL1001')}${member('apiKey', SL1001_KEY)}</struct>`,
      ) +
        member(
          'SoftLayer_User_CustomerInitParameters',
          `<struct>${member('id', '<int>7002</int>')}</struct>`,
        ),
      '',
    ),
    onResponse: countFaults,
  },
  {
    method: 'POST',
    path: '/jsonrpc/v3.1',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'SoftLayer_User_Customer.getObject',
      params: [],
      headers: {
        authenticate: { username: 'SL1001', apiKey: SL1001_KEY },
        SoftLayer_User_CustomerInitParameters: { id: 7002 },
      },
      id: 1,
    }),
    onResponse: countFaults,
  },
  {
    method: 'POST',
    path: '/rest/v3.1/SoftLayer_User_Customer/initiatePortalPasswordChange.json',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ parameters: ['alice'] }),
    onResponse: countFaults,
  },
  {
    method: 'POST',
    path: '/xmlrpc/v3.1/SoftLayer_User_Customer',
    headers: { 'content-type': 'text/xml' },
    body: xmlCall(
      'initiatePortalPasswordChange',
      '',
      '<param><value><string>nobody-at-all</string></value></param>',
    ),
    onResponse: countFaults,
  },
];

async function main(options: SoakOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slemu-soak-'));
  const server = await startServer(join(dir, 'soak.db'));

  try {
    const peak = await autocannon({
      url: server.baseUrl,
      connections: options.connections,
      duration: options.peakSeconds,
      requests: MIX,
    });
    const rate = Math.max(1, Math.round(peak.requests.average * options.fraction));
    console.log(
      `peak: ${Math.round(peak.requests.average)} req/s; soaking at ${rate} req/s for ${options.seconds} s`,
    );

    faults = 0;
    checked = 0;
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(residentMb(server.child)), SAMPLE_EVERY_MS);
    const soak = await autocannon({
      url: server.baseUrl,
      connections: options.connections,
      duration: options.seconds,
      overallRate: rate,
      requests: MIX,
    });
    clearInterval(sampler);

    const report = summarise(options, peak, soak, rate, samples);
    console.log(JSON.stringify(report, null, 2));
    if (!report.passed) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarise(
  options: SoakOptions,
  peak: autocannon.Result,
  soak: autocannon.Result,
  rate: number,
  samples: number[],
) {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const firstQuarter = median(samples.slice(0, quarter));
  const lastQuarter = median(samples.slice(-quarter));
  const errors = soak.errors + soak.timeouts + soak.non2xx + faults;

  return {
    soakSeconds: options.seconds,
    connections: options.connections,
    peakRequestsPerSecond: Math.round(peak.requests.average),
    peakLatencyP99Ms: peak.latency.p99,
    soakRate: rate,
    soakRequests: soak.requests.total,
    soakLatencyP50Ms: soak.latency.p50,
    soakLatencyP99Ms: soak.latency.p99,
    responsesChecked: checked,
    errors: { connection: soak.errors, timeouts: soak.timeouts, non2xx: soak.non2xx, faults },
    residentMemoryMb: {
      firstQuarter,
      lastQuarter,
      max: Math.max(...samples),
      samples: samples.length,
    },
    passed: errors === 0 && checked > 0 && lastQuarter <= firstQuarter * FLAT_MEMORY_RATIO,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Linux only: the server's resident set size, from /proc.
function residentMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

// At the default info level, as users run it: one log line per call, drained and dropped here.
async function startServer(db: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const cli = dataPath('dist', 'src', 'cli.js');
  // The reset rate limit would refuse the repeated initiates for alice after five.
  const limits = ['--reset-requests-per-hour', '1000000000'];
  const args = [
    cli,
    'serve',
    '--db',
    db,
    '--port',
    '0',
    '--public-url',
    'http://slemu.soak',
    ...limits,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });

  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout!.off('data', onData).on('data', () => undefined);
      resolve({ child, baseUrl: url });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`slemu exited with ${code}:\n${output}`)));
  });
}

const program = new Command('soak')
  .description('hold half of the measured peak rate against a built slemu and watch its memory')
  .addOption(new Option('--seconds <n>', 'soak duration').default(300).argParser(Number))
  .addOption(
    new Option('--peak-seconds <n>', 'duration of the peak measurement')
      .default(10)
      .argParser(Number),
  )
  .addOption(
    new Option('--connections <n>', 'concurrent connections').default(10).argParser(Number),
  )
  .addOption(
    new Option('--fraction <x>', 'share of the peak rate to hold').default(0.5).argParser(Number),
  )
  .action((options: SoakOptions) => main(options));

program.parseAsync().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
