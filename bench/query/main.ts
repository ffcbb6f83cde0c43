import { cpus, loadavg, tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, PostgresDatabase, platformMigrations, runMigrations, SqlEventStore } from '@dyad/platform';
import { dyadMigrations } from '../../apps/worker/src/dyad-migrations';
import { API_MAIN, CLI_MAIN, cpuSecondsOf, residentMegabytesOf, type DyadProcess, freePort, freshDatabase, startProcess, waitForHealth, WORKER_MAIN } from '../support/dyad-processes';
import { printTable, round } from '../support/figures';
import { runLoad, type LoadFigures } from '../support/http-load';
import { checkpointWatch, DRAIN_MS, type LagFigures, measureLag, POLL_MS, readWaitWatch } from './commit-lag';
import { seedDatabase, type SeedFigures } from './seed-database';
import { ARTICLE_PAIRS } from '../support/article-texts';
import { benchDyads, checkSeedAgainstAggregate } from './seed-events';

// `npm run bench:query [-- --events=N]`: PostgreSQL seeded with N relationship events over 500
// dyads (default 300,000, so that a run stays within a few minutes on two shared cores; the
// issue's figure is `--events=1000000`), the relationships read model rebuilt from them (timed), then
// GET /v1/relationships/:dyad under 50 clients against the API process, for now and for a random
// asOf/knownAt; then the lag from commit to read model at 100 articles/s through Kafka (API and
// worker processes on the seeded database) and embedded (`dyad serve` on PGlite, fresh store). DATABASE_URL names
// the PostgreSQL server (a fresh database is made and dropped), KAFKA_BROKERS a broker.
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DYADS = 500;
const CLIENTS = 50;
const QUERY_SECONDS = 20;
const WARM_UP_SECONDS = 5;
const LAG_SECONDS = 20;
// The live articles land on 190 dyads whose seeded streams hold 600 (2,000 at 1M) events each,
// and the queries ask about the past of all 500: the API's caches are sized to keep them all, as
// they would be for such working sets.
const STREAM_CACHE_EVENTS = 400_000;
const HISTORY_CACHE_EVENTS = 1_200_000;
const FEED_CATCH_UP_MS = 30 * 60_000;
// Articles differ from one run to the next: a run on a reused database posts new ones, not
// duplicates of the last run's.
const RUN_SEED = Date.now();
const GOALS = { rebuildPerSecond: 20_000, nowP95Ms: 15, pastP95Ms: 40, kafkaLagP99Ms: 250, embeddedLagP99Ms: 50 };

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<void> {
  const config = loadConfig();
  const target = Number(option('events') ?? 300_000);
  // `--lag-rate=N`: articles per second of the lag runs (the figure is at 100).
  const lagRate = Number(option('lag-rate') ?? 100);
  const brokers = config.KAFKA_BROKERS?.join(',');
  const log = (line: string) => console.log(line);
  log(`${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at start`);
  const line: Record<string, unknown> = { bench: 'query', goals: GOALS };

  // `--reuse=<database>`: the queries and lags again on a database that a `--keep` run seeded.
  const reused = option('reuse');
  const database = reused ? reusedDatabase(config.DATABASE_URL ?? DEFAULT_URL, reused) : await freshDatabase(config.DATABASE_URL ?? DEFAULT_URL, 'dyad_bench_query');
  const processes: DyadProcess[] = [];
  try {
    const dyads = benchDyads(DYADS);
    let lastDay: Date;
    if (reused) {
      lastDay = await lastSeededDay(database.url);
      log(`reusing ${reused}: seeded and rebuilt by an earlier run\n`);
    } else {
      checkSeedAgainstAggregate(dyads[0], 100);
      const seeded = await seed(database.url, dyads, target, log);
      lastDay = seeded.lastDay;
      printTable(
        ['seeded events', 'dyads', 'append s', 'rebuild s', 'rebuild events/s'],
        [[seeded.events.toLocaleString('en'), DYADS, seeded.appendSeconds.toFixed(1), seeded.rebuildSeconds.toFixed(1), seeded.rebuildPerSecond.toLocaleString('en')]],
      );
      log(`goal: rebuild >= ${GOALS.rebuildPerSecond.toLocaleString('en')} events/s\n`);
      line.seed = { events: seeded.events, dyads: DYADS, appendSeconds: round(seeded.appendSeconds), rebuildSeconds: round(seeded.rebuildSeconds), rebuildPerSecond: seeded.rebuildPerSecond };
    }

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      PORT: String(port),
      KAFKA_BROKERS: brokers ?? '',
      KAFKA_NAMESPACE: `bench-${Date.now()}.`,
      DYAD_STREAM_CACHE_EVENTS: String(STREAM_CACHE_EVENTS),
      DYAD_HISTORY_CACHE_EVENTS: String(HISTORY_CACHE_EVENTS),
    };
    processes.push(startProcess(API_MAIN, [], env));
    await waitForHealth(baseUrl);
    const queries = await measureQueries(baseUrl, dyads, lastDay, processes[0]);
    log(`GET /v1/relationships/:dyad, ${CLIENTS} concurrent clients, a random dyad of ${DYADS} per request, ${QUERY_SECONDS} s after ${WARM_UP_SECONDS} s of warm-up (API process only)`);
    printTable(
      ['view', 'requests/s', 'API CPU ms/request', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx'],
      queries.map((q) => [q.view, q.perSecond, q.apiCpuMsPerRequest, q.p50Ms, q.p95Ms, q.p99Ms, q.errors, q.non2xx]),
    );
    // Past views are answered from histories the API keeps in memory: what that memory is, at this size.
    const apiResidentMb = residentMegabytesOf(processes[0].child.pid);
    log(`API resident memory after the queries: ${apiResidentMb} MB (history cache bound: ${HISTORY_CACHE_EVENTS.toLocaleString('en-US')} events)`);
    log(`goal: p95 < ${GOALS.nowP95Ms} ms now, < ${GOALS.pastP95Ms} ms with asOf/knownAt\n`);
    line.queries = { clients: CLIENTS, seconds: QUERY_SECONDS, apiResidentMb, runs: queries };

    const lags: Array<LagFigures & { store: string }> = [];
    if (brokers) {
      processes.push(startProcess(WORKER_MAIN, [], env));
      lags.push({ store: 'PostgreSQL + Kafka, seeded database', ...(await kafkaLag(baseUrl, database.url, lagRate, log)) });
    } else {
      log('lag through Kafka skipped: KAFKA_BROKERS is not set (test/infra/kafka.sh start runs a broker)');
    }
    lags.push({ store: 'embedded (PGlite, dyad serve), fresh store', ...(await embeddedLag(lagRate)) });
    log(`lag from the POST's answer to the relationships read model, ${lagRate} articles/s for ${LAG_SECONDS} s, ${DRAIN_MS / 1000} s allowed after the last article is sent`);
    log(`(PostgreSQL: consumer_checkpoints polled every ${POLL_MS} ms in SQL; embedded: GET ?minPosition=, an upper bound)`);
    printTable(
      ['store', 'articles', 'sent/s', 'p50 ms', 'p99 ms', 'max applied ms', 'failed', 'not applied'],
      lags.map((l) => [l.store, l.articles, l.sentPerSecond, l.p50Ms, l.p99Ms, l.maxMs, l.failed, l.unseen]),
    );
    for (const l of lags) if (l.firstFailure) log(`${l.store}: first failed POST: ${l.firstFailure}`);
    log(`goal: p99 < ${GOALS.kafkaLagP99Ms} ms through Kafka, < ${GOALS.embeddedLagP99Ms} ms embedded`);
    line.lag = { rate: lagRate, seconds: LAG_SECONDS, pollMs: POLL_MS, runs: lags };
  } finally {
    for (const child of processes.reverse()) await child.stop();
    if (reused || process.argv.includes('--keep')) log(`kept ${database.url}`);
    else await database.drop();
  }
  console.log(JSON.stringify(line));
}

async function seed(url: string, dyads: readonly string[], target: number, log: (line: string) => void): Promise<SeedFigures> {
  log(`seeding ~${target.toLocaleString('en')} relationship events over ${dyads.length} dyads through the event store, then rebuilding the relationships read model`);
  const database = await PostgresDatabase.connect(url, { poolSize: 4 });
  try {
    await runMigrations(database, [platformMigrations, ...dyadMigrations]);
    const seeded = await seedDatabase(database, new SqlEventStore(database), dyads, target, log);
    // The seeded events count as published: the worker's relay starts after them, as it would
    // have had it run all along, instead of sending the whole history through Kafka again.
    await database.query(
      `insert into relay_checkpoints (relay, transaction_id, global_position)
       select 'dyad.events.v1', transaction_id, global_position from events order by transaction_id desc, global_position desc limit 1`,
    );
    return seeded;
  } finally {
    await database.close();
  }
}

type QueryFigures = LoadFigures & { view: string; apiCpuMsPerRequest: number };

function reusedDatabase(serverUrl: string, name: string): { url: string; drop: () => Promise<void> } {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => undefined };
}

async function lastSeededDay(url: string): Promise<Date> {
  const database = await PostgresDatabase.connect(url, { poolSize: 1 });
  try {
    const { rows } = await database.query<{ last: Date }>(`select max(occurred_at)::timestamptz as last from relationship_facts where metadata->'extractor'->>'name' = 'bench-seed'`);
    return rows[0].last;
  } finally {
    await database.close();
  }
}

async function measureQueries(baseUrl: string, dyads: readonly string[], lastDay: Date, api: DyadProcess): Promise<QueryFigures[]> {
  const first = Date.UTC(2015, 0, 1);
  const dayBetween = (from: number, to: number) => new Date(from + Math.random() * (to - from)).toISOString().slice(0, 10);
  const pick = () => dyads[Math.floor(Math.random() * dyads.length)];
  const now = () => ({ path: `/v1/relationships/${pick()}` });
  const pastPath = (dyad: string) => {
    const asOf = dayBetween(first, lastDay.getTime());
    return `/v1/relationships/${dyad}?asOf=${asOf}&knownAt=${dayBetween(Date.parse(asOf), lastDay.getTime())}`;
  };
  const past = () => ({ path: pastPath(pick()) });
  // The baseline of this machine and stack: a request the API answers without any work (an
  // unknown route: 404 through the same middleware), under the same 50 clients.
  const floor = () => ({ path: '/v1/no-such-route' });
  // A current view is folded when first read after a change (a rebuild leaves every one to
  // fold), and a past view is answered from its dyad's history, which the API keeps once it has read it:
  // each dyad is read once both ways first, so that the runs measure a server that has been
  // answering for a while, not its first reads.
  for (const dyad of dyads) {
    await (await fetch(`${baseUrl}/v1/relationships/${dyad}`)).arrayBuffer();
    await (await fetch(`${baseUrl}${pastPath(dyad)}`)).arrayBuffer();
  }
  // Browsers and most HTTP libraries accept gzip; autocannon sends no Accept-Encoding unless told.
  const gzip = { 'accept-encoding': 'gzip' };
  const views = [
    ['floor: unknown route (404)', floor, {}],
    ['now', now, {}],
    ['now, Accept-Encoding: gzip', now, gzip],
    ['random asOf + knownAt', past, {}],
  ] as const;
  const runs: QueryFigures[] = [];
  for (const [view, next, headers] of views) {
    await runLoad({ url: baseUrl, connections: CLIENTS, seconds: WARM_UP_SECONDS, next, headers });
    // CPU time of the API process per request: what other work on the machine does not change.
    const cpuBefore = cpuSecondsOf(api.child.pid);
    const figures = await runLoad({ url: baseUrl, connections: CLIENTS, seconds: QUERY_SECONDS, next, headers });
    runs.push({ view, apiCpuMsPerRequest: round(((cpuSecondsOf(api.child.pid) - cpuBefore) * 1000) / figures.requests, 2), ...figures });
  }
  return runs;
}

async function kafkaLag(baseUrl: string, url: string, rate: number, log: (line: string) => void): Promise<LagFigures> {
  const database = await PostgresDatabase.connect(url, { poolSize: 1 });
  const watch = checkpointWatch(database);
  try {
    await commitmentFeedsCaughtUp(database, log);
    // Warm-up: one article on every pair the articles are about (the API's stream cache then
    // holds their streams, as it does after its first minutes), then until the worker's
    // consumers have joined (a group join takes seconds) and apply articles within a second, so
    // that the start-up backlog is not measured as lag.
    await measureLag(baseUrl, watch, 20, ARTICLE_PAIRS / 20, RUN_SEED - 1);
    for (let attempt = 1; attempt <= 6; attempt += 1) if ((await measureLag(baseUrl, watch, 10, 3, RUN_SEED + attempt)).p99Ms < 1_000) break;
    return await measureLag(baseUrl, watch, rate, LAG_SECONDS, RUN_SEED);
  } finally {
    watch.stop();
    await database.close();
  }
}

// The worker's commitment feeds read the seeded log from its start, a backlog that the seed's
// rebuild does not cover: the lag is measured once they have caught up, as on a server that has
// been running, and the catch-up is reported.
async function commitmentFeedsCaughtUp(database: PostgresDatabase, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const behind = async () =>
    (
      await database.query<{ events: number }>(
        // The feed projection reads the log; its Kafka relay reads the changes the projection made.
        `select ((select count(*) from events e, commitment_feed_checkpoints c
                  where c.feed = 'changes' and (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position))
               + (select count(*) from commitment_changes ch, commitment_feed_checkpoints c
                  where c.feed = 'kafka' and (ch.transaction_id, ch.global_position) > (c.transaction_id, c.global_position)))::int as events`,
      )
    ).rows[0].events;
  const backlog = await behind();
  for (let left = backlog; left > 0; left = await behind()) {
    if (Date.now() - started > FEED_CATCH_UP_MS) throw new Error(`commitment feeds still ${left} events behind the log after ${FEED_CATCH_UP_MS / 1000} s`);
    await sleep(2_000);
  }
  log(`commitment feeds caught up: ${backlog.toLocaleString('en-US')} events and changes behind at the start, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// `dyad serve` on PGlite in a temp folder, in a process of its own.
async function embeddedLag(rate: number): Promise<LagFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const port = await freePort();
  const server = startProcess(CLI_MAIN, ['serve'], { DYAD_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', KAFKA_BROKERS: '' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const watch = readWaitWatch(baseUrl);
  try {
    await waitForHealth(baseUrl);
    await measureLag(baseUrl, watch, 10, 3, RUN_SEED + 1);
    return await measureLag(baseUrl, watch, rate, LAG_SECONDS, RUN_SEED);
  } finally {
    watch.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
