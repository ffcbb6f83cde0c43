import { cpus } from 'node:os';
import { Client } from 'pg';
import { loadConfig } from '@dyad/platform/config/config.schema';
import { withAdmin } from '../support/dyad-processes';
import type { Contender, ContenderFactory } from './contender';
import { dyadContender } from './dyad.contender';
import { emmettContender } from './emmett.contender';
import { rawContender } from './raw.contender';
import { approximateEventBytes, BATCH_SIZE, ROUNDS, STREAMS, TOTAL_EVENTS, WRITERS, writerQueues } from './workload';

const READ_PASSES = 3;

// `npm run bench:store`: Dyad's store, Emmett and raw PostgreSQL side by side on the PostgreSQL
// at DATABASE_URL, each in a fresh database of its own that is dropped afterwards.
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

interface Figures {
  appendPerSec: number;
  readPerSec: number;
}

async function main(): Promise<void> {
  const serverUrl = loadConfig().DATABASE_URL ?? DEFAULT_URL;
  const queues = writerQueues();
  const version = await withAdmin(serverUrl, async (admin) => (await admin.query('show server_version')).rows[0].server_version);
  console.log(`PostgreSQL ${version}; ${cpus().length} cores; ${TOTAL_EVENTS} events (~${approximateEventBytes(queues[0][0].events[0])} bytes of JSON each)`);
  console.log(`${STREAMS} streams, batches of ${BATCH_SIZE} to one stream with the expected version, ${WRITERS} concurrent writers`);
  console.log(`appends in ${ROUNDS} interleaved rounds, full reads ${READ_PASSES} times each (median rate), so that load from other processes falls on all alike\n`);
  // `npm run bench:store -- dyad raw` runs only those.
  const chosen = process.argv.slice(2);
  const factories = [dyadContender, emmettContender, rawContender].filter((factory) => chosen.length === 0 || chosen.includes(factory.name));
  const opened: Opened[] = [];
  try {
    for (const factory of factories) opened.push(await openFresh(serverUrl, factory));
    const appendSeconds = new Map<string, number>(factories.map((factory) => [factory.name, 0]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const { factory, contender } of rotate(opened, round)) {
        const start = process.hrtime.bigint();
        await Promise.all(queues.map(async (queue) => {
          for (const batch of roundOf(queue, round)) await contender.append(batch);
        }));
        appendSeconds.set(factory.name, (appendSeconds.get(factory.name) ?? 0) + seconds(start));
      }
    }
    const readRates = new Map<string, number[]>(factories.map((factory) => [factory.name, []]));
    for (let pass = 0; pass < READ_PASSES; pass += 1) {
      for (const { factory, contender } of rotate(opened, pass)) {
        const start = process.hrtime.bigint();
        const read = await contender.readAll();
        readRates.get(factory.name)?.push(read / seconds(start));
        // Printed, not fatal: a store that pages by position alone steps over events that commit
        // late or reads some twice; Dyad's reader stops below the oldest transaction still open
        // on the server, another client's included, and reads the rest on its next pass.
        if (read !== TOTAL_EVENTS) console.log(`${factory.name}: full read ${pass + 1} returned ${read} of ${TOTAL_EVENTS} events`);
      }
    }
    const results: Record<string, Figures> = {};
    for (const factory of factories) {
      const append = appendSeconds.get(factory.name) as number;
      const readPerSec = median(readRates.get(factory.name) as number[]);
      results[factory.name] = { appendPerSec: Math.round(TOTAL_EVENTS / append), readPerSec: Math.round(readPerSec) };
    }
    printTable(results, factories);
    const { dyad, emmett, raw } = results;
    if (dyad && emmett && raw) {
      console.log(`\ndyad/emmett append ${(dyad.appendPerSec / emmett.appendPerSec).toFixed(2)}x, dyad/raw append ${(dyad.appendPerSec / raw.appendPerSec).toFixed(2)}x`);
    }
    console.log(JSON.stringify(results));
  } finally {
    for (const { contender, drop } of opened) {
      await contender.close().catch(() => undefined);
      await drop();
    }
  }
}

interface Opened {
  readonly factory: ContenderFactory;
  readonly contender: Contender;
  drop(): Promise<void>;
}

async function openFresh(serverUrl: string, factory: ContenderFactory): Promise<Opened> {
  const name = `dyad_bench_${factory.name}_${Date.now()}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  const drop = () => withAdmin(serverUrl, (admin) => dropWhenIdle(admin, name));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return { factory, contender: await factory.open(url.toString()), drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

// Each writer's queue holds its batches round after round, the same number in each round.
function roundOf<T>(queue: readonly T[], round: number): readonly T[] {
  const perRound = queue.length / ROUNDS;
  return queue.slice(round * perRound, (round + 1) * perRound);
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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

// Pools close their connections asynchronously; forcing the drop under them would make them
// report "terminating connection" errors. Wait a little for them to go, then force.
async function dropWhenIdle(admin: Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { rows } = await admin.query('select count(*)::int as open from pg_stat_activity where datname = $1', [name]);
    if (rows[0].open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
