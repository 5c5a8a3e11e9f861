import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../../src/paths';

const READY_WITHIN_MS = 60_000;

export interface CliServer {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/**
 * The built CLI (`npm run build` first; `npm test` does) serving a database file on an ephemeral
 * port of 127.0.0.1. The port is read from fastify's "Server listening at" log line.
 */
export function startCli(db: string, extraArgs: string[] = []): Promise<CliServer> {
  const args = [dataPath('dist', 'src', 'cli.js'), 'serve', '--db', db, '--port', '0'];
  const child = spawn(
    process.execPath,
    [...args, '--public-url', 'http://slemu.test', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  let output = '';
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`slemu did not start:\n${output}`));
    }, READY_WITHIN_MS);

    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url && /slemu is ready/.test(output)) {
        clearTimeout(timer);
        resolve({ child, baseUrl: url, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`slemu exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** A fresh directory for a database file, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'slemu-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Sends SIGKILL if the process still runs, and waits until it has gone. */
export async function killCli(server: CliServer | undefined): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
  await server.exited;
}
