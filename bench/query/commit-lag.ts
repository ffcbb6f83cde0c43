import type { SqlExecutor } from '@dyad/platform';
import { RELATIONSHIPS_READ_MODEL, relationshipStreamId } from '@dyad/relations';
import { setTimeout as sleep } from 'node:timers/promises';
import { nthArticle } from '../support/article-texts';
import { percentile, round } from '../support/figures';

// Lag from commit to read model: articles are posted at a steady rate (open loop: one every
// 1000/rate ms, whatever the answers), and from each answer on, a watch waits until the
// relationships read model has applied every relationship stream the article wrote up to the
// answer's position. Lag = that moment minus the moment of the answer.
// 10 ms: each poll is a query on the database being measured, so polling faster takes CPU from
// what it measures; a lag is then read up to 10 ms late, never early.
export const POLL_MS = 10;
// After the last article is sent, how long the read model is given to catch up; one not applied
// by then counts as a lag of more than this (Infinity in the percentiles, null in JSON).
export const DRAIN_MS = 10_000;

export interface LagFigures {
  readonly articles: number;
  readonly sentPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  readonly unseen: number; // not applied within DRAIN_MS of the last send
}

export interface Written {
  readonly dyads: readonly string[];
  readonly position: string;
}

export interface ReadModelWatch {
  applied(written: Written): Promise<void>;
  stop(): void;
}

export async function measureLag(baseUrl: string, watch: ReadModelWatch, rate: number, seconds: number, seed: number): Promise<LagFigures> {
  const lags: number[] = [];
  let failed = 0;
  let firstFailure: string | null = null;
  const posts: Array<Promise<void>> = [];
  const started = performance.now();
  const total = rate * seconds;
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    posts.push(
      post(baseUrl, nthArticle(n, seed))
        .then(async ({ written, answeredAt }) => {
          await watch.applied(written);
          lags.push(performance.now() - answeredAt);
        })
        .catch((error: unknown) => {
          failed += 1;
          firstFailure ??= error instanceof Error ? `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` : String(error);
        }),
    );
  }
  const sentPerSecond = total / ((performance.now() - started) / 1000);
  // The watch keeps going (the caller stops it): what it sees after the drain is not counted.
  await Promise.race([Promise.all(posts), sleep(DRAIN_MS)]);
  const seen = lags.length;
  const unseen = total - failed - seen;
  const sorted = [...lags, ...Array<number>(unseen).fill(Number.POSITIVE_INFINITY)].sort((a, b) => a - b);
  return {
    articles: total,
    sentPerSecond: round(sentPerSecond),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: lags.length > 0 ? round(Math.max(...lags)) : Number.NaN,
    failed,
    firstFailure,
    unseen,
  };
}

async function post(baseUrl: string, article: unknown): Promise<{ written: Written; answeredAt: number }> {
  const answer = await fetch(`${baseUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
  const answeredAt = performance.now();
  const body = (await answer.json()) as { position?: string; events?: Array<{ dyad: string }> };
  if (answer.status !== 201 || !body.position || !body.events?.length) throw new Error(`POST answered ${answer.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { written: { dyads: [...new Set(body.events.map((event) => event.dyad))], position: body.position }, answeredAt };
}

// Through SQL, for PostgreSQL: every POLL_MS, one query for all pending articles, reading the
// read model's checkpoints in `consumer_checkpoints` as `?minPosition=` does (isCaughtUp).
export function checkpointWatch(executor: SqlExecutor): ReadModelWatch {
  const pending = new Map<{ stream: string; position: string }, () => void>();
  let running = true;
  void (async () => {
    while (running) {
      await sleep(POLL_MS);
      if (pending.size === 0) continue;
      const waiting = [...pending.keys()];
      // A query still running when the watch stops fails as its pool closes: nothing to report.
      const applied = await appliedIndexes(executor, waiting).catch((error: unknown) => {
        if (running) throw error;
        return [];
      });
      for (const index of applied) {
        pending.get(waiting[index])?.();
        pending.delete(waiting[index]);
      }
    }
  })();
  return {
    applied: async (written) => {
      await Promise.all(written.dyads.map((dyad) => new Promise<void>((resolve) => pending.set({ stream: relationshipStreamId(dyad), position: written.position }, resolve))));
    },
    stop: () => {
      running = false;
    },
  };
}

// Through HTTP, for the embedded store (PGlite answers only inside its process): a GET with
// `?minPosition=`, which the server answers once caught up. Its wait polls with backoff (2, 4,
// 8 … 100 ms), so the lag measured this way is an upper bound.
export function readWaitWatch(baseUrl: string): ReadModelWatch {
  let running = true;
  return {
    applied: async (written) => {
      for (const dyad of written.dyads) {
        while (running) {
          const answer = await fetch(`${baseUrl}/v1/relationships/${dyad}?minPosition=${written.position}`);
          await answer.arrayBuffer();
          if (answer.status === 200) break;
          if (answer.status !== 503) throw new Error(`GET answered ${answer.status}`);
        }
      }
    },
    stop: () => {
      running = false;
    },
  };
}

// Which (stream, position) pairs the read model has applied: isCaughtUp's test, for many at once.
async function appliedIndexes(executor: SqlExecutor, waiting: ReadonlyArray<{ stream: string; position: string }>): Promise<number[]> {
  const { rows } = await executor.query<{ i: string }>(
    `select s.i::text as i
     from unnest($2::text[], $3::text[], $4::bigint[]) with ordinality as s(stream_id, transaction_id, global_position, i)
     cross join lateral (
       select e.transaction_id, e.global_position from events e
       where e.stream_id = s.stream_id and (e.transaction_id, e.global_position) <= (s.transaction_id::xid8, s.global_position)
       order by e.stream_position desc limit 1
     ) as last_event
     where exists (
       select 1 from consumer_checkpoints c
       where c.consumer = $1 and c.stream_id = s.stream_id
         and (c.transaction_id, c.global_position) >= (last_event.transaction_id, last_event.global_position)
     )`,
    [
      RELATIONSHIPS_READ_MODEL,
      waiting.map((w) => w.stream),
      waiting.map((w) => w.position.split('.')[0]),
      waiting.map((w) => w.position.split('.')[1]),
    ],
  );
  return rows.map((row) => Number(row.i) - 1);
}
