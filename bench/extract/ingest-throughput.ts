import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nthArticle } from '../support/article-texts';
import { API_MAIN, CLI_MAIN, cpuSecondsOf, type DyadProcess, freePort, freshDatabase, startProcess, waitForHealth, WORKER_MAIN } from '../support/dyad-processes';
import { runLoad, type LoadFigures } from '../support/http-load';

export const CLIENTS = 8;

export interface IngestFigures extends LoadFigures {
  readonly store: string;
  readonly factsPerArticle: number;
  // Articles per CPU second of Dyad's Node processes (PostgreSQL's own CPU not counted): a figure
  // that other work on the machine does not lower.
  readonly perNodeCpuSecond: number;
}

// `dyad serve` on PGlite in a temp folder (what `npm start` runs), in a process of its own.
export async function embeddedIngest(seconds: number, warmUpSeconds: number): Promise<IngestFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const port = await freePort();
  const server = startProcess(CLI_MAIN, ['serve'], { DYAD_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', KAFKA_BROKERS: '' });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`);
    return await measureIngest('embedded (PGlite, in-process delivery)', `http://127.0.0.1:${port}`, [server], seconds, warmUpSeconds);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `apps/api` and `apps/worker` apart, on a fresh PostgreSQL database and Kafka topics of their own.
export async function serverIngest(serverUrl: string, brokers: string, seconds: number, warmUpSeconds: number): Promise<IngestFigures> {
  const database = await freshDatabase(serverUrl, 'dyad_bench_ingest');
  const port = await freePort();
  const env = { DATABASE_URL: database.url, KAFKA_BROKERS: brokers, KAFKA_NAMESPACE: `bench-${Date.now()}.`, PORT: String(port) };
  const processes: DyadProcess[] = [];
  try {
    processes.push(startProcess(API_MAIN, [], env));
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl);
    processes.push(startProcess(WORKER_MAIN, [], env));
    return await measureIngest('PostgreSQL + Kafka (api and worker processes)', baseUrl, processes, seconds, warmUpSeconds);
  } finally {
    for (const child of processes.reverse()) await child.stop();
    await database.drop();
  }
}

let sequence = 0;

async function measureIngest(
  store: string,
  baseUrl: string,
  processes: readonly DyadProcess[],
  seconds: number,
  warmUpSeconds: number,
): Promise<IngestFigures> {
  const run = Date.now();
  const next = () => ({ path: '/v1/articles', body: JSON.stringify(nthArticle((sequence += 1), run)) });
  const factsPerArticle = await sampleFacts(baseUrl, next().body);
  await runLoad({ url: baseUrl, connections: CLIENTS, seconds: warmUpSeconds, method: 'POST', next });
  const cpu = () => processes.reduce((sum, { child }) => sum + cpuSecondsOf(child.pid), 0);
  const cpuBefore = cpu();
  const figures = await runLoad({ url: baseUrl, connections: CLIENTS, seconds, method: 'POST', next });
  const perNodeCpuSecond = Math.round(figures.requests / (cpu() - cpuBefore));
  return { store, factsPerArticle, perNodeCpuSecond, ...figures };
}

// One article posted alone: the templates must yield facts, or the benchmark measures nothing.
async function sampleFacts(baseUrl: string, body: string): Promise<number> {
  const answer = await fetch(`${baseUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await answer.json()) as { events?: unknown[] };
  if (answer.status !== 201 || !json.events?.length) throw new Error(`the sample article gave ${answer.status} with ${json.events?.length ?? 0} facts`);
  return json.events.length;
}
