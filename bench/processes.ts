import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// Starting, timing and measuring the servers under test, each in its own process.

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The CPU the servers run on; the load generator takes the other one when there are two. */
export const SERVER_CPU = '0';
export const LOAD_CPU = '1';

export interface RunningServer {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  startupMs: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function pinned(cpu: string, command: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', cpu, command, ...args]] : [command, args];
}

/** Spawns a server and measures the time until its health URL first answers 200. */
export async function startServer(
  name: string,
  command: string,
  args: string[],
  port: number,
): Promise<RunningServer> {
  const [program, programArgs] = pinned(SERVER_CPU, command, args);
  const started = process.hrtime.bigint();
  const child = spawn(program, programArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;

  for (let attempt = 0; attempt < 3000; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (await answers(`${baseUrl}/_slemu/health`)) {
      const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
      return { name, baseUrl, child, startupMs };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer within 15 s`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a server, in MiB. taskset execs the program in place: same pid. */
export function residentMiB(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

const CLOCK_TICKS_PER_SECOND = Number(
  spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100,
);

/**
 * CPU time the server has used so far, in microseconds (user + system, from /proc). CPU per
 * request is steadier than requests per second on a machine shared with other work.
 */
export function cpuMicros(server: RunningServer): number {
  const stat = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1e6;
}
