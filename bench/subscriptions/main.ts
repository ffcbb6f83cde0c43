import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

// npm run bench:subscriptions — 1,000 concurrent SSE subscribers and 50 webhook receivers on
// loopback against `dyad serve` (embedded: PGlite in memory, in-process transport) in a child
// process. Figures: latency from the commit of each change to its arrival at every subscriber
// (the change's recordedAt, stamped just before the append commits, to the moment the event
// is parsed here), and the server's memory per idle SSE connection. A table, then one JSON line.

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 50);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 40);
const SPACING_MS = 150;
const DEADLINE_MS = 240_000;
let BASE = '';
let stopping = false;

const COUNTRIES = ['France', 'Germany', 'Italy', 'Spain', 'Japan', 'India', 'Brazil', 'Canada', 'Mexico', 'Egypt', 'Kenya', 'Nigeria', 'Chile', 'Peru', 'Morocco', 'Norway', 'Poland', 'Greece'];

interface Memory {
  rss: number;
  heapUsed: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const timer = setTimeout(() => fail(`did not finish within ${DEADLINE_MS / 1000} s`), DEADLINE_MS);
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  const server = startServer(port);
  try {
    await waitFor('the server', async () => (await fetch(`${BASE}/health`).catch(() => null))?.ok === true, 90_000);
    // Warm up: the first article compiles the extractor's lexicons and the hot SQL.
    await ingest(article(COUNTRIES[0], COUNTRIES[1]));

    const receivers = await Promise.all(Array.from({ length: RECEIVERS }, () => startReceiver()));
    const webhookIds: string[] = [];
    for (const receiver of receivers) {
      const response = await fetch(`${BASE}/v1/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiver.url }),
      });
      if (response.status !== 201) fail(`webhook registration answered ${response.status}`);
      webhookIds.push(((await response.json()) as { id: string }).id);
    }

    const before = await memoryOf(server.process, server.lines);
    const subscribers: Subscriber[] = [];
    for (let batch = 0; batch < SUBSCRIBERS; batch += 100) {
      subscribers.push(...(await Promise.all(Array.from({ length: Math.min(100, SUBSCRIBERS - batch) }, () => subscribe()))));
    }
    await sleep(1_000);
    const after = await memoryOf(server.process, server.lines);
    const perConnection = { rss: (after.rss - before.rss) / SUBSCRIBERS, heapUsed: (after.heapUsed - before.heapUsed) / SUBSCRIBERS };

    let expected = 0;
    const pairs = COUNTRIES.flatMap((a, i) => COUNTRIES.slice(i + 1).map((b) => [a, b] as const)).slice(1, ARTICLES + 1);
    for (const [a, b] of pairs) {
      const body = await ingest(article(a, b));
      expected += body.events.filter((fact: { type: string; corroborates?: string }) => fact.type.startsWith('Commitment') && !fact.corroborates).length;
      await sleep(SPACING_MS);
    }
    await waitFor(
      'every change at every subscriber and receiver',
      () => subscribers.every((s) => s.latencies.length >= expected) && receivers.every((r) => r.latencies.length >= expected),
      60_000,
    ).catch(() => undefined);

    const retried: string[] = [];
    for (const id of webhookIds) {
      const { deliveries } = (await (await fetch(`${BASE}/v1/webhooks/${id}/deliveries?limit=500`)).json()) as {
        deliveries: Array<{ history: Array<{ outcome: string; error: string | null }> }>;
      };
      deliveries.flatMap((d) => d.history).filter((a) => a.outcome !== 'delivered').forEach((a) => retried.push(a.error ?? '?'));
    }
    const sse = subscribers.flatMap((s) => s.latencies);
    const hooks = receivers.flatMap((r) => r.latencies);
    const duplicates = subscribers.reduce((sum, s) => sum + s.duplicates, 0);
    // Per change: its first arrival (the pipeline to the server's hub) and its last (plus the fan-out).
    const positions = [...(subscribers[0]?.byPosition.keys() ?? [])];
    const firsts = positions.map((position) => Math.min(...subscribers.map((s) => s.byPosition.get(position) ?? Infinity)));
    const lasts = positions.map((position) => Math.max(...subscribers.map((s) => s.byPosition.get(position) ?? Infinity)));
    const results = {
      bench: 'subscriptions',
      mode: 'embedded',
      subscribers: SUBSCRIBERS,
      receivers: RECEIVERS,
      changes: expected,
      sse: { received: sse.length, expected: expected * SUBSCRIBERS, duplicates, p50Ms: percentile(sse, 50), p99Ms: percentile(sse, 99), maxMs: percentile(sse, 100) },
      sseFirstArrival: { p50Ms: percentile(firsts, 50), p99Ms: percentile(firsts, 99) },
      sseLastArrival: { p50Ms: percentile(lasts, 50), p99Ms: percentile(lasts, 99) },
      webhooks: { received: hooks.length, expected: expected * RECEIVERS, failedAttempts: retried.length, firstError: retried[0] ?? null, p50Ms: percentile(hooks, 50), p99Ms: percentile(hooks, 99), maxMs: percentile(hooks, 100) },
      memoryPerIdleSseConnection: { rssBytes: Math.round(perConnection.rss), heapBytes: Math.round(perConnection.heapUsed) },
      server: { rssBefore: before.rss, rssWith1000Connections: after.rss },
      seconds: Math.round((Date.now() - started) / 1000),
    };
    printTable(results);
    console.log(JSON.stringify(results));
    subscribers.forEach((s) => s.close());
    await Promise.all(receivers.map((r) => r.close()));
  } finally {
    clearTimeout(timer);
    stopping = true;
    server.process.kill('SIGTERM');
  }
}

function startServer(port: number): { process: ChildProcess; lines: string[] } {
  const child = spawn(process.execPath, ['--expose-gc', join(__dirname, 'server.js'), 'serve'], {
    env: {
      ...process.env,
      DYAD_DATA_DIR: 'memory://',
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DYAD_WEBHOOK_ALLOW_PRIVATE: 'true',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`the server exited (${signal ?? `code ${code}`})`);
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  return { process: child, lines };
}

async function memoryOf(child: ChildProcess, lines: string[]): Promise<Memory> {
  await sleep(500);
  const from = lines.length;
  child.stdin?.write('memory\n');
  await waitFor('the server memory report', () => lines.slice(from).some((line) => line.includes('"memory"')), 10_000);
  return JSON.parse(lines.slice(from).find((line) => line.includes('"memory"'))!).memory as Memory;
}

function article(a: string, b: string) {
  return { title: `${a} pledges to ${b}`, text: `${a} promised to invest in ${b}, its president said on Monday.`, publishedAt: '2025-10-01' };
}

async function ingest(body: object): Promise<{ events: Array<{ type: string; corroborates?: string }> }> {
  const response = await fetch(`${BASE}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status >= 300) fail(`ingestion answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { events: Array<{ type: string; corroborates?: string }> };
}

interface Subscriber {
  readonly latencies: number[];
  readonly byPosition: Map<string, number>;
  duplicates: number;
  close(): void;
}

// A bare SSE reader: the arrival time of each commitment.changed event, against its recordedAt.
function subscribe(): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const request = get(`${BASE}/v1/subscriptions/commitments`, { agent: false, headers: { accept: 'text/event-stream' } }, (response: IncomingMessage) => {
      if (response.statusCode !== 200) return reject(new Error(`SSE answered ${response.statusCode}`));
      const seen = new Set<string>();
      const subscriber: Subscriber = { latencies: [], byPosition: new Map(), duplicates: 0, close: () => request.destroy() };
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const now = Date.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const change = JSON.parse(data.slice(6)) as { position: string; recordedAt: string };
          if (seen.has(change.position)) subscriber.duplicates++;
          seen.add(change.position);
          subscriber.latencies.push(now - Date.parse(change.recordedAt));
          subscriber.byPosition.set(change.position, now - Date.parse(change.recordedAt));
        }
      });
      response.on('error', () => undefined);
      resolve(subscriber);
    });
    request.on('error', reject);
  });
}

interface Receiver {
  readonly url: string;
  readonly latencies: number[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const latencies: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      latencies.push(Date.now() - Date.parse((JSON.parse(body) as { data: { recordedAt: string } }).data.recordedAt));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    latencies,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function printTable(results: {
  sse: { received: number; expected: number; duplicates: number; p50Ms: number | null; p99Ms: number | null; maxMs: number | null };
  webhooks: { received: number; expected: number; p50Ms: number | null; p99Ms: number | null; maxMs: number | null };
  sseFirstArrival: { p50Ms: number | null; p99Ms: number | null };
  sseLastArrival: { p50Ms: number | null; p99Ms: number | null };
  memoryPerIdleSseConnection: { rssBytes: number; heapBytes: number };
  changes: number;
}): void {
  console.log(`${SUBSCRIBERS} SSE subscribers, ${RECEIVERS} webhook receivers, ${results.changes} changes (one article every ${SPACING_MS} ms)\n`);
  const rows = [
    ['commit → arrival', 'arrivals', 'expected', 'p50 ms', 'p99 ms', 'max ms'],
    ['SSE', results.sse.received, results.sse.expected, results.sse.p50Ms, results.sse.p99Ms, results.sse.maxMs],
    ['SSE, first subscriber', results.changes, results.changes, results.sseFirstArrival.p50Ms, results.sseFirstArrival.p99Ms, '-'],
    ['SSE, last subscriber', results.changes, results.changes, results.sseLastArrival.p50Ms, results.sseLastArrival.p99Ms, '-'],
    ['webhook', results.webhooks.received, results.webhooks.expected, results.webhooks.p50Ms, results.webhooks.p99Ms, results.webhooks.maxMs],
  ].map((row) => row.map(String));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, column) => cell.padStart(widths[column])).join(' | '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  });
  const { rssBytes, heapBytes } = results.memoryPerIdleSseConnection;
  console.log(`\nmemory per idle SSE connection: ${(rssBytes / 1024).toFixed(1)} KiB RSS, ${(heapBytes / 1024).toFixed(1)} KiB heap; SSE duplicates: ${results.sse.duplicates}\n`);
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function fail(message: string): never {
  console.error(`bench:subscriptions: ${message}`);
  process.exit(1);
}

void main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
