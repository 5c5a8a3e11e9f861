import { spawn } from 'node:child_process';
import { dataPath } from '../../src/paths';

// Debian's python3-softlayer installs for the system interpreter only (python-client.md §1).
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop that serves its requests. */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, timeout: 50_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a script from test/contract/python and parses the JSON it prints last. */
export async function runPythonScript(
  script: string,
  args: string[],
): Promise<Record<string, unknown>> {
  const result = await run(SYSTEM_PYTHON, [
    dataPath('test', 'contract', 'python', script),
    ...args,
  ]);
  if (result.code !== 0) {
    throw new Error(`${script} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as Record<string, unknown>;
}
