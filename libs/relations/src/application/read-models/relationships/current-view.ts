import type { SqlExecutor } from '@dyad/platform';
import { stateAt, type RelationshipView } from '../../../domain/relationship-view';
import { loadRelationshipEvents } from './relationship-rows';

// A dyad's view "now". The stored one serves while no event arrived since it was folded
// (`view_version = version`) and no fact dated after it has come due; otherwise the rows are
// folded again and the result kept — only if no event arrived meanwhile, so a view is never
// stored under a version it does not include. Null when nothing is known about the dyad.
export async function currentView(executor: SqlExecutor, dyad: string, now: Date): Promise<RelationshipView | null> {
  const { rows } = await executor.query<{ view: RelationshipView | null; fresh: boolean; version: string }>(
    `select view, view is not null and view_version = version and last_occurred_at <= (view->>'asOf')::date as fresh,
            version::text as version
     from relationships where dyad = $1`,
    [dyad],
  );
  if (rows.length === 0) return null;
  const { view, fresh, version } = rows[0];
  if (fresh && view) return view;
  return foldAndKeep(executor, dyad, version, now);
}

export async function foldAndKeep(executor: SqlExecutor, dyad: string, version: string, now: Date): Promise<RelationshipView> {
  const view = stateAt(await loadRelationshipEvents(executor, dyad), { dyad, asOf: now, knownAt: now });
  await executor.query('update relationships set view = $2::jsonb, view_version = $3::bigint where dyad = $1 and version = $3::bigint', [
    dyad,
    JSON.stringify(view),
    version,
  ]);
  return view;
}

// Every view that a change left behind, folded again (a listing shows their summaries).
export async function refreshStaleViews(executor: SqlExecutor, now: Date): Promise<void> {
  const { rows } = await executor.query<{ dyad: string; version: string }>(
    `select dyad, version::text as version from relationships
     where view is null or view_version <> version or last_occurred_at > (view->>'asOf')::date`,
  );
  for (const { dyad, version } of rows) await foldAndKeep(executor, dyad, version, now);
}
