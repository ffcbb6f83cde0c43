import fc from 'fast-check';
import type { Pool } from 'pg';
import { PAIRS, templateArticle } from './support/article-template';
import { DyadProcess } from './support/dyad-process';
import { ingestUntilAcknowledged } from './support/ingest-client';
import { waitCaughtUp } from './support/log-checks';
import { dyadEnv, prepareRun } from './support/run-environment';
import { runScript } from './support/run-script';

// Concurrency: two API instances and two workers, articles about the same few dyads posted to
// both at once. Property on the final state, for any such workload: every fact an API
// acknowledged is in its dyad's stream and in the read model, nothing else is, and each dyad
// counts one meeting per distinct day it was sent (no update lost to a concurrent writer).
const RUNS = Number(process.env.CONCURRENCY_RUNS ?? 5);
const PORTS = [Number(process.env.CONCURRENCY_PORT ?? 3390), Number(process.env.CONCURRENCY_PORT ?? 3390) + 1];
const IN_FLIGHT = 8;
const DYADS_PER_RUN = 3;

interface Sent {
  readonly pair: number;
  readonly day: number;
  readonly api: number;
}

async function main(): Promise<number> {
  const run = await prepareRun('concurrency');
  const env = dyadEnv(run);
  const apis = PORTS.map((port, i) => new DyadProcess(`api-${i + 1}`, 'api', { ...env, PORT: String(port) }, run.logDir));
  const workers = [1, 2].map((i) => new DyadProcess(`worker-${i}`, 'worker', env, run.logDir));
  let round = 0;
  let articles = 0;
  let conflicts = 0;
  try {
    apis[0].start();
    await apis[0].ready();
    for (const process of [apis[1], ...workers]) process.start();
    await apis[1].ready();

    // Days three apart: two articles on one day are one meeting, never two close ones.
    const workload = fc.array(fc.record({ pair: fc.nat(DYADS_PER_RUN - 1), day: fc.nat(30).map((n) => n * 3), api: fc.nat(1) }), { minLength: 10, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(workload, async (sent: Sent[]) => {
        const firstPair = (round++ * DYADS_PER_RUN) % PAIRS;
        const acknowledged = new Map<string, Set<string>>();
        const days = new Map<string, Set<number>>();
        let next = 0;
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            while (next < sent.length) {
              const item = sent[next++];
              const article = templateArticle(articles++, firstPair + item.pair, item.day);
              const ack = await ingestUntilAcknowledged(() => `http://127.0.0.1:${PORTS[item.api]}`, article, (status) => {
                if (status === 409) conflicts++;
              });
              for (const fact of ack.events) {
                if (!acknowledged.has(fact.dyad)) acknowledged.set(fact.dyad, new Set());
                acknowledged.get(fact.dyad)?.add(fact.id);
                if (!days.has(fact.dyad)) days.set(fact.dyad, new Set());
                days.get(fact.dyad)?.add(item.day);
              }
            }
          }),
        );
        const pending = await waitCaughtUp(run.pool, 120_000);
        if (Object.values(pending).some((n) => n > 0)) throw new Error(`read models not caught up: ${JSON.stringify(pending)}`);
        for (const [dyad, ids] of acknowledged) {
          const inStream = await idsOf(run.pool, `select event_id::text as id from events where stream_id = $1`, `relationship-${dyad}`);
          const projected = await idsOf(run.pool, `select event_id::text as id from relationship_facts where dyad = $1`, dyad);
          const state = (await (await fetch(`http://127.0.0.1:${PORTS[0]}/v1/relationships/${dyad}`)).json()) as { meetings: { count: number } };
          const expected = [...ids].sort();
          if (JSON.stringify(inStream) !== JSON.stringify(expected)) throw new Error(`${dyad}: stream ${inStream.length} events, acknowledged ${expected.length}`);
          if (JSON.stringify(projected) !== JSON.stringify(expected)) throw new Error(`${dyad}: read model ${projected.length} facts, acknowledged ${expected.length}`);
          if (state.meetings.count !== days.get(dyad)?.size) throw new Error(`${dyad}: ${state.meetings.count} meetings for ${days.get(dyad)?.size} days`);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`runs=${RUNS} articles=${articles} apis=2 workers=2 conflicts_answered_409=${conflicts} lost_updates=0`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? `${error.message}\n${String((error as { cause?: unknown }).cause ?? '')}` : error);
    console.log(`runs=${round} articles=${articles} lost_updates>0`);
    return 1;
  } finally {
    await Promise.all([...apis, ...workers].map((process) => process.kill()));
    await run.close();
  }
}

async function idsOf(pool: Pool, sql: string, param: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(sql, [param]);
  return rows.map((row) => row.id).sort();
}

runScript(main);
