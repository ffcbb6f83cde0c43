import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type Role = 'api' | 'worker';

const ENTRY: Record<Role, string> = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' };

// One Dyad process started from the build, as an operator runs it; SIGKILL and start again at will.
export class DyadProcess {
  private child: ChildProcess | null = null;
  private readonly log: WriteStream;
  starts = 0;

  constructor(
    readonly name: string,
    readonly role: Role,
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get port(): number | null {
    return this.env.PORT ? Number(this.env.PORT) : null;
  }

  start(): void {
    if (this.running) return;
    this.starts++;
    const child = spawn(process.execPath, [ENTRY[this.role]], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
  }

  // Until the API answers /health (any status: a 503 is an answer), or the worker is up.
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited while starting (see its log)`);
      if (this.role === 'worker') return;
      try {
        await fetch(`http://127.0.0.1:${this.port}/health`);
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms`);
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
    this.child = null;
  }
}
