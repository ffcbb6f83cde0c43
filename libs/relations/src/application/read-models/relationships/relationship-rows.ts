import type { SqlExecutor } from '@dyad/platform';
import { upcastRelationshipEvent } from '../../../domain/relationship-event.upcaster';
import type { RelationshipEvent } from '../../../domain/relationship.events';

export interface RelationshipFactRow {
  readonly event_id: string;
  readonly event_type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recorded_at: Date;
  readonly global_position: string;
  readonly transaction_id: string;
}

// What a view as of a day, as known at an instant, can see: facts that occurred by that day, and
// every retraction, since a retraction counts by when it was recorded whatever the day asked
// for; of both, only those recorded by then.
export interface RowWindow {
  readonly upToDay: string;
  readonly knownAt: Date;
}

// A dyad's events in log order, as the domain reads them; with a window, only the rows it can
// see (fewer rows to fetch and fold; the fold applies the same rules to whatever it is given).
export async function loadRelationshipEvents(executor: SqlExecutor, dyad: string, window?: RowWindow): Promise<RelationshipEvent[]> {
  const { rows } = await executor.query<RelationshipFactRow>(
    `select event_type, data, metadata from relationship_facts
     where dyad = $1 and ($2::date is null or occurred_at <= $2::date or event_type = 'FactRetracted')
       and ($3::timestamptz is null or known_at <= $3::timestamptz)
     order by transaction_id, global_position`,
    [dyad, window?.upToDay ?? null, window?.knownAt.toISOString() ?? null],
  );
  return rows.map((row) => upcastRelationshipEvent({ type: row.event_type, data: row.data, metadata: row.metadata }));
}
