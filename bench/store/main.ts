import { cpus } from 'node:os';
import { Client } from 'pg';
import { loadConfig } from '@dyad/platform/config/config.schema';
import type { ContenderFactory } from './contender';
import { dyadContender } from './dyad.contender';
import { emmettContender } from './emmett.contender';
import { rawContender } from './raw.contender';
import { approximateEventBytes, BATCH_SIZE, STREAMS, TOTAL_EVENTS, WRITERS, writerQueues } from './workload';

// `npm run bench:store`: Dyad's store, Emmett and raw PostgreSQL side by side on the PostgreSQL
// at DATABASE_URL, each in a fresh database of its own that is dropped afterwards.
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Figures {
  appendPerSec: number;
  readPerSec: number;
  appendSeconds: number;
  readSeconds: number;
}

async function main(): Promise<void> {
  const serverUrl = loadConfig().DATABASE_URL ?? DEFAULT_URL;
  const queues = writerQueues();
  const version = await withAdmin(serverUrl, async (admin) => (await admin.query('show server_version')).rows[0].server_version);
  console.log(`PostgreSQL ${version}; ${cpus().length} cores; ${TOTAL_EVENTS} events (~${approximateEventBytes(queues[0][0].events[0])} bytes of JSON each)`);
  console.log(`${STREAMS} streams, batches of ${BATCH_SIZE} to one stream with the expected version, ${WRITERS} concurrent writers\n`);
  const results: Record<string, Figures> = {};
  // `npm run bench:store -- dyad raw` runs only those.
  const chosen = process.argv.slice(2);
  const contenders = [dyadContender, emmettContender, rawContender].filter((factory) => chosen.length === 0 || chosen.includes(factory.name));
  for (const contender of contenders) {
    results[contender.name] = await measure(serverUrl, contender, queues);
    const figures = results[contender.name];
    console.log(`${contender.name}: append ${figures.appendSeconds.toFixed(2)} s, read ${figures.readSeconds.toFixed(2)} s`);
  }
  console.log('');
  printTable(results, contenders);
  const { dyad, emmett, raw } = results;
  if (dyad && emmett && raw) {
    console.log(`\ndyad/emmett append ${(dyad.appendPerSec / emmett.appendPerSec).toFixed(2)}x, dyad/raw append ${(dyad.appendPerSec / raw.appendPerSec).toFixed(2)}x`);
  }
  const line = Object.fromEntries(
    Object.entries(results).map(([name, figures]) => [name, { appendPerSec: figures.appendPerSec, readPerSec: figures.readPerSec }]),
  );
  console.log(JSON.stringify(line));
}

async function measure(serverUrl: string, factory: ContenderFactory, queues: ReturnType<typeof writerQueues>): Promise<Figures> {
  const name = `dyad_bench_${factory.name}_${Date.now()}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const contender = await factory.open(url.toString());
    try {
      const appendStart = process.hrtime.bigint();
      await Promise.all(queues.map(async (queue) => {
        for (const batch of queue) await contender.append(batch);
      }));
      const appendSeconds = seconds(appendStart);
      const readStart = process.hrtime.bigint();
      const read = await contender.readAll();
      const readSeconds = seconds(readStart);
      // Not a failure of the run: a store that pages by position alone can step over events
      // that commit late; the figure is kept and the shortfall printed.
      if (read !== TOTAL_EVENTS) console.log(`${factory.name}: the full read returned ${read} of ${TOTAL_EVENTS} events`);
      return {
        appendPerSec: Math.round(TOTAL_EVENTS / appendSeconds),
        readPerSec: Math.round(read / readSeconds),
        appendSeconds,
        readSeconds,
      };
    } finally {
      await contender.close();
    }
  } finally {
    await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
  }
}

function printTable(results: Record<string, Figures>, factories: ContenderFactory[]): void {
  const rows = factories.map((factory) => {
    const figures = results[factory.name];
    return [factory.name, figures.appendPerSec.toLocaleString('en'), figures.readPerSec.toLocaleString('en'), factory.description];
  });
  const header = ['store', 'append events/s', 'full read events/s', 'how'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  rows.forEach((row) => console.log(format(row)));
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function withAdmin<T>(url: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
