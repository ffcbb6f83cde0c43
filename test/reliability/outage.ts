import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { templateArticle } from './support/article-template';
import { DyadProcess } from './support/dyad-process';
import { countArticles, diffSnapshots, snapshotReadModels, waitCaughtUp } from './support/log-checks';
import { dyadEnv, kafka, prepareRun, withDatabase } from './support/run-environment';
import { TcpCutProxy } from './support/tcp-cut-proxy';
import { runScript } from './support/run-script';

// Outages: Kafka stopped for KAFKA_OUTAGE_S during ingestion (every answer must stay 2xx, and
// the read models catch up afterwards with nothing lost or doubled); then PostgreSQL cut off
// for PG_OUTAGE_S behind a TCP proxy (answers are 503 with Retry-After meanwhile, and Dyad
// recovers by itself, no process restarted).
const KAFKA_OUTAGE_S = Number(process.env.KAFKA_OUTAGE_S ?? 60);
const PG_OUTAGE_S = Number(process.env.PG_OUTAGE_S ?? 20);
const PORT = Number(process.env.OUTAGE_PORT ?? 3290);
const CLIENTS = 2;

interface Answer {
  readonly at: number;
  readonly status: number | 'error';
  readonly retryAfter: boolean;
  readonly articleId?: string;
}

async function main(): Promise<number> {
  const run = await prepareRun('outage');
  const proxy = new TcpCutProxy({ host: '127.0.0.1', port: Number(new URL(run.databaseUrl).port || 5432) });
  const proxyPort = await proxy.listen();
  const proxied = new URL(withDatabase(run.databaseUrl, run.name));
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxyPort);
  const env = dyadEnv(run, { DATABASE_URL: proxied.toString() });
  const api = new DyadProcess('api', 'api', { ...env, PORT: String(PORT) }, run.logDir);
  const worker = new DyadProcess('worker', 'worker', env, run.logDir);
  const base = `http://127.0.0.1:${PORT}`;
  const answers: Answer[] = [];
  let next = 0;
  let sending = true;

  // Each client posts a new article, or reads a relationship, in turn; no retries: every answer counts.
  const client = async () => {
    while (sending) {
      const write = next % 2 === 0;
      const article = templateArticle(next++);
      const at = Date.now();
      try {
        const response = write
          ? await fetch(`${base}/v1/articles`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ title: article.title, text: article.text, publishedAt: article.publishedAt }),
              signal: AbortSignal.timeout(30_000),
            })
          : await fetch(`${base}/v1/relationships?country=FR`, { signal: AbortSignal.timeout(30_000) });
        const body = (await response.json().catch(() => ({}))) as { articleId?: string };
        answers.push({ at, status: response.status, retryAfter: response.headers.has('retry-after'), articleId: write && response.status < 300 ? body.articleId : undefined });
      } catch {
        answers.push({ at, status: 'error', retryAfter: false });
      }
      await sleep(50);
    }
  };
  const between = (from: number, to: number) => answers.filter((answer) => answer.at >= from && answer.at < to);

  try {
    api.start();
    await api.ready();
    worker.start();
    const clients = Array.from({ length: CLIENTS }, client);
    await sleep(10_000);

    // Kafka away: the log is the outbox, ingestion must not notice.
    const kafkaDown = Date.now();
    await kafka('stop', run.kafkaPort);
    await sleep(KAFKA_OUTAGE_S * 1_000);
    await kafka('start', run.kafkaPort);
    const kafkaUp = Date.now();
    await sleep(10_000);
    const duringKafka = between(kafkaDown, kafkaUp);
    const kafkaFailures = duringKafka.filter((answer) => answer.status === 'error' || answer.status >= 300);

    // PostgreSQL away: 503 with Retry-After, then back to work without a restart.
    const pgDown = Date.now();
    proxy.disconnect();
    await sleep(PG_OUTAGE_S * 1_000);
    proxy.reconnect();
    const pgUp = Date.now();
    await sleep(15_000);
    sending = false;
    await Promise.all(clients);
    // Requests sent in the first second may have been answered before the cut took effect.
    const duringPg = between(pgDown + 1_000, pgUp);
    const pg503 = duringPg.filter((answer) => answer.status === 503 && answer.retryAfter);
    // A request whose work was done before the cut may still be answered 2xx inside the window:
    // that is not a failure; anything but success or 503 with Retry-After is.
    const pgOther = duringPg.filter(
      (answer) => !(answer.status === 503 && answer.retryAfter) && !(answer.status !== 'error' && answer.status < 300),
    );
    const firstOk = answers.find((answer) => answer.at >= pgUp && answer.status !== 'error' && answer.status < 300);
    const recoveredAfter = firstOk ? (firstOk.at - pgUp) / 1000 : Number.POSITIVE_INFINITY;
    const afterPg = answers.filter((answer) => answer.at >= (firstOk?.at ?? Number.POSITIVE_INFINITY));
    const afterFailures = afterPg.filter((answer) => answer.status === 'error' || answer.status >= 300);

    const acknowledged = new Set(answers.flatMap((answer) => (answer.articleId ? [answer.articleId] : [])));
    const catchUpStarted = Date.now();
    const pending = await waitCaughtUp(run.pool, 300_000);
    const catchUp = (Date.now() - catchUpStarted) / 1000;
    const { lost, duplicated } = await countArticles(run.pool, acknowledged);
    const live = await snapshotReadModels(run.pool);
    const restarts = api.starts - 1 + (worker.starts - 1) + (api.running && worker.running ? 0 : 1);
    await Promise.all([worker.stop(), api.stop()]);
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'rebuild'], {
      env: { ...process.env, DATABASE_URL: run.databaseUrl, KAFKA_BROKERS: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const diff = diffSnapshots(live, await snapshotReadModels(run.pool));

    for (const answer of [...kafkaFailures, ...pgOther, ...afterFailures].slice(0, 5)) console.log(`  unexpected: ${JSON.stringify(answer)}`);
    for (const line of diff.sample) console.log(`  differs: ${line}`);
    console.log(`outage: read models caught up ${catchUp.toFixed(0)} s after the end, pending ${JSON.stringify(pending)}`);
    console.log(
      `kafka_outage_s=${KAFKA_OUTAGE_S} answers_during=${duringKafka.length} non_2xx=${kafkaFailures.length} | ` +
        `pg_outage_s=${PG_OUTAGE_S} answers_during=${duringPg.length} 503_retry_after=${pg503.length} other=${pgOther.length} ` +
        `recovered_after_s=${recoveredAfter.toFixed(1)} failures_after=${afterFailures.length} restarts=${restarts} | ` +
        `acknowledged=${acknowledged.size} lost=${lost} duplicated=${duplicated} projection_diff=${diff.rows}`,
    );
    const ok =
      kafkaFailures.length === 0 && duringKafka.length > 0 && pgOther.length === 0 && pg503.length > 0 && recoveredAfter < 30 &&
      afterFailures.length === 0 && restarts === 0 && lost === 0 && duplicated === 0 && diff.rows === 0;
    return ok ? 0 : 1;
  } finally {
    sending = false;
    await Promise.all([api.kill(), worker.kill()]);
    await proxy.close();
    await run.close();
  }
}

runScript(main);
