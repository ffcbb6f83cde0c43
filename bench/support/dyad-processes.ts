import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

// The apps as compiled with the benchmark (.bench/build/apps), so that a benchmark always runs
// the code of the working tree and not a stale dist/.
const APPS = join(__dirname, '../../apps');
export const CLI_MAIN = join(APPS, 'cli/src/main.js');
export const API_MAIN = join(APPS, 'api/src/main.js');
export const WORKER_MAIN = join(APPS, 'worker/src/main.js');

// No rate limit (the benchmark is one address sending thousands of requests a minute), no logs.
export const BENCH_ENV = { LOG_LEVEL: 'silent', DYAD_RATE_LIMIT_PER_ADDRESS: '0', DYAD_RATE_LIMIT_PER_KEY: '0', HOST: '127.0.0.1' };

export interface DyadProcess {
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

// BENCH_CPU_PROF_DIR=<folder>: every process started writes a V8 CPU profile there when it stops.
export function startProcess(main: string, args: readonly string[], env: Record<string, string>): DyadProcess {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, main, ...args], { env: { ...process.env, ...BENCH_ENV, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

export async function waitForHealth(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${baseUrl} did not answer /health within ${timeoutMs} ms`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// A fresh database on the server of `serverUrl`, dropped by the returned function.
export async function freshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export async function withAdmin<T>(url: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

// CPU seconds a process has used so far (user + system, from /proc; Linux only).
export function residentMegabytesOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? Number.NaN : Math.round(Number(kilobytes) / 1024);
  } catch {
    return Number.NaN;
  }
}

export function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
