import type { SqlExecutor } from '../database/database.port';
import type { AppendPlan } from './append-plan';
import type { StoredEvent } from './event-store.port';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEventRow } from './stored-event-row';

const FIND_SQL = `select ${STORED_EVENT_COLUMNS} from events where event_id = any($1::uuid[]) order by global_position`;

// Asked only after an append failed: how many of its event ids the log already holds, and the
// stored events when it holds them all (a retry of an append that had committed).
export async function findEarlierAppend(
  executor: SqlExecutor,
  plan: AppendPlan,
): Promise<{ present: number; events: StoredEvent[] | null }> {
  const { rows } = await executor.query<StoredEventRow>(FIND_SQL, [plan.events.map((event) => event.eventId)], {
    name: 'dyad_find_events',
  });
  if (rows.length < plan.events.length) return { present: rows.length, events: null };
  const byId = new Map(rows.map((row) => [row.event_id, toStoredEvent(row)]));
  return { present: rows.length, events: plan.events.map((event) => byId.get(event.eventId) as StoredEvent) };
}
