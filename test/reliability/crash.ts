import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { templateArticle } from './support/article-template';
import { DyadProcess } from './support/dyad-process';
import { ingestUntilAcknowledged } from './support/ingest-client';
import { countArticles, diffSnapshots, snapshotReadModels, waitCaughtUp } from './support/log-checks';
import { dyadEnv, prepareRun } from './support/run-environment';
import { runScript } from './support/run-script';

// Crash: ingest ARTICLES articles through the API while the API and the worker are killed with
// SIGKILL at random moments (at least KILLS times) and started again; then every acknowledged
// article must be in the log exactly once and every read model must equal its rebuild.
const ARTICLES = Number(process.env.CRASH_ARTICLES ?? 1_000);
const KILLS = Number(process.env.CRASH_KILLS ?? 12);
const CLIENTS = 4;
const PORT = Number(process.env.CRASH_PORT ?? 3190);

async function main(): Promise<number> {
  const started = Date.now();
  const run = await prepareRun('crash');
  const env = dyadEnv(run);
  const api = new DyadProcess('api', 'api', { ...env, PORT: String(PORT) }, run.logDir);
  const worker = new DyadProcess('worker', 'worker', env, run.logDir);
  try {
    api.start();
    await api.ready();
    worker.start();

    // Kill points spread at random over the ingestion, each hitting the API, the worker or both.
    const killAt = Array.from({ length: KILLS }, () => Math.floor(ARTICLES * (0.03 + Math.random() * 0.9))).sort((a, b) => a - b);
    let kills = 0;
    let acknowledgedCount = 0;
    const acknowledged = new Set<string>();
    const attempts = { total: 0, failed: 0 };
    const killer = (async () => {
      for (const threshold of killAt) {
        while (acknowledgedCount < threshold) await sleep(20);
        const victims = [[api], [worker], [api, worker]][Math.floor(Math.random() * 3)];
        await Promise.all(victims.map((victim) => victim.kill()));
        kills += victims.length;
        await sleep(100 + Math.random() * 1_400);
        for (const victim of victims) victim.start();
        await api.ready();
      }
    })();

    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < ARTICLES) {
          const article = templateArticle(next++);
          const ack = await ingestUntilAcknowledged(
            () => `http://127.0.0.1:${PORT}`,
            article,
            (status) => {
              attempts.total++;
              if (status === 'error' || status >= 500) attempts.failed++;
            },
          );
          acknowledged.add(ack.articleId);
          acknowledgedCount++;
        }
      }),
    );
    await killer;
    if (!api.running) api.start();
    if (!worker.running) worker.start();
    await api.ready();
    const ingestedAt = Date.now();

    const pending = await waitCaughtUp(run.pool, 300_000);
    const caughtUpAt = Date.now();
    const { lost, duplicated } = await countArticles(run.pool, acknowledged);
    const live = await snapshotReadModels(run.pool);
    await Promise.all([worker.stop(), api.stop()]);
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'rebuild'], {
      env: { ...process.env, DATABASE_URL: run.databaseUrl, KAFKA_BROKERS: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const rebuilt = await snapshotReadModels(run.pool);
    const diff = diffSnapshots(live, rebuilt);

    console.log(
      `crash: ingestion ${((ingestedAt - started) / 1000).toFixed(0)} s, catch-up ${((caughtUpAt - ingestedAt) / 1000).toFixed(0)} s, ` +
        `${attempts.total} attempts (${attempts.failed} refused or dropped while a process was down), pending after wait ${JSON.stringify(pending)}`,
    );
    for (const line of diff.sample) console.log(`  differs: ${line}`);
    console.log(`kills=${kills} acknowledged=${acknowledged.size} lost=${lost} duplicated=${duplicated} projection_diff=${diff.rows}`);
    return lost === 0 && duplicated === 0 && diff.rows === 0 && acknowledged.size === ARTICLES && kills >= 10 ? 0 : 1;
  } finally {
    await Promise.all([api.kill(), worker.kill()]);
    await run.close();
  }
}

runScript(main);
