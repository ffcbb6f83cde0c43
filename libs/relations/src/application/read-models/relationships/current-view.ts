import type { SqlExecutor } from '@dyad/platform';
import { stateAt, type RelationshipView } from '../../../domain/relationship-view';
import { loadRelationshipEvents } from './relationship-rows';

// Where the projection names the dyads whose views a committed batch changed (comma-separated).
export const VIEW_CHANGES_CHANNEL = 'dyad_relationship_views';

// A dyad's view "now", as the JSON text it is stored and served as. The stored one serves while
// no event arrived since it was folded (`view_version = version`) and no fact dated after it has
// come due; otherwise the rows are folded again and the result kept — only if no event arrived
// meanwhile, so a view is never stored under a version it does not include. Null when nothing
// is known about the dyad.
export async function currentViewJson(executor: SqlExecutor, dyad: string, now: Date): Promise<string | null> {
  const { rows } = await executor.query<{ view: string | null; fresh: boolean; version: string }>(
    `select view::text as view, view_version = version and last_occurred_at <= view_as_of as fresh, version::text as version
     from relationships where dyad = $1`,
    [dyad],
  );
  if (rows.length === 0) return null;
  const { view, fresh, version } = rows[0];
  if (fresh && view !== null) return view;
  return foldAndKeep(executor, dyad, version, now);
}

export async function currentView(executor: SqlExecutor, dyad: string, now: Date): Promise<RelationshipView | null> {
  const json = await currentViewJson(executor, dyad, now);
  return json === null ? null : (JSON.parse(json) as RelationshipView);
}

async function foldAndKeep(executor: SqlExecutor, dyad: string, version: string, now: Date): Promise<string> {
  const view = stateAt(await loadRelationshipEvents(executor, dyad), { dyad, asOf: now, knownAt: now });
  const json = JSON.stringify(view);
  await executor.query(
    `update relationships set view = $2::json, view_version = $3::bigint, view_as_of = $4::date,
       meeting_count = $5, commitment_count = $6, open_tensions = $7, score = $8
     where dyad = $1 and version = $3::bigint`,
    [dyad, json, version, view.asOf.slice(0, 10), view.meetings.count, view.commitments.length, view.openTensions, view.score],
  );
  return json;
}

// Every view that a change left behind, folded again (a listing shows their summaries).
export async function refreshStaleViews(executor: SqlExecutor, now: Date): Promise<void> {
  const { rows } = await executor.query<{ dyad: string; version: string }>(
    `select dyad, version::text as version from relationships
     where view_as_of is null or view_version <> version or last_occurred_at > view_as_of`,
  );
  for (const { dyad, version } of rows) await foldAndKeep(executor, dyad, version, now);
}
