import type { SqlExecutor } from '@dyad/platform';
import { refreshStaleViews } from '@dyad/relations';
import type { Pool } from 'pg';

// Every read model the worker feeds from the transport, by its consumer name.
export const READ_MODELS = ['articles', 'relationships'];

// The tables each read model keeps; `dyad rebuild` empties and replays them.
const READ_MODEL_TABLES = ['article_view', 'relationship_facts', 'relationships', 'commitment_dyads', 'article_sources'];

// How many times each acknowledged article is in the log: lost (0) and duplicated (>1) counts.
export async function countArticles(pool: Pool, acknowledged: ReadonlySet<string>): Promise<{ lost: number; duplicated: number; inLog: number }> {
  const { rows } = await pool.query<{ id: string; n: number }>(
    `select data->>'articleId' as id, count(*)::int as n from events where type = 'ArticleIngested' group by 1`,
  );
  const times = new Map(rows.map((row) => [row.id, row.n]));
  let lost = 0;
  for (const id of acknowledged) if (!times.has(id)) lost++;
  const duplicated = rows.filter((row) => row.n > 1).length;
  return { lost, duplicated, inLog: rows.length };
}

// Streams whose last event a read model has not applied yet (0 for every one: caught up).
export async function pendingStreams(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ consumer: string; pending: number }>(
    `select c.consumer, count(*) filter (
       where cp.stream_id is null or (cp.transaction_id, cp.global_position) < (e.transaction_id, e.global_position))::int as pending
     from unnest($1::text[]) as c(consumer)
     cross join streams s
     join events e on e.stream_id = s.stream_id and e.stream_position = s.version
     left join consumer_checkpoints cp on cp.consumer = c.consumer and cp.stream_id = s.stream_id
     group by c.consumer`,
    [READ_MODELS],
  );
  return Object.fromEntries(rows.map((row) => [row.consumer, row.pending]));
}

export async function waitCaughtUp(pool: Pool, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await pendingStreams(pool);
    if (Object.values(pending).every((n) => n === 0) || Date.now() > deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// Every row of every read-model table, as sorted JSON lines per table.
export async function snapshotReadModels(pool: Pool): Promise<Map<string, string[]>> {
  // Current views are folded when first read after a change: bring them all up to date first.
  await refreshStaleViews(pool as unknown as SqlExecutor, new Date());
  const snapshot = new Map<string, string[]>();
  for (const table of READ_MODEL_TABLES) {
    // A stored relationship view carries the moment it was computed (asOf, knownAt: now), which
    // a rebuild cannot reproduce, and change counters that depend on how events were batched;
    // everything else must match.
    const row =
      table === 'relationships' ? `to_jsonb(t) - 'version' - 'view_version' #- '{view,asOf}' #- '{view,knownAt}'` : 'to_jsonb(t)';
    const { rows } = await pool.query<{ row: string }>(`select (${row})::text as row from ${table} t`);
    snapshot.set(table, rows.map((r) => r.row).sort());
  }
  return snapshot;
}

// Rows in one snapshot and not in the other, both ways, over every table.
export function diffSnapshots(a: Map<string, string[]>, b: Map<string, string[]>): { rows: number; sample: string[] } {
  let rows = 0;
  const sample: string[] = [];
  for (const [table, left] of a) {
    const right = b.get(table) ?? [];
    const count = (lines: string[]) => lines.reduce((m, line) => m.set(line, (m.get(line) ?? 0) + 1), new Map<string, number>());
    const l = count(left);
    const r = count(right);
    for (const line of new Set([...l.keys(), ...r.keys()])) {
      const d = Math.abs((l.get(line) ?? 0) - (r.get(line) ?? 0));
      if (d > 0) {
        rows += d;
        if (sample.length < 5) sample.push(`${table}: ${line.slice(0, 300)}`);
      }
    }
  }
  return { rows, sample };
}
