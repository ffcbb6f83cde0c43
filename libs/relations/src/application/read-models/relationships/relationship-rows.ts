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

// A dyad's events in log order, as the domain reads them. With `upToDay`, only what a view as
// of that day can see: facts that occurred by then, and every retraction, since a retraction
// counts by when it was recorded, whatever the day asked for (fewer rows to fetch and fold).
export async function loadRelationshipEvents(executor: SqlExecutor, dyad: string, upToDay?: string): Promise<RelationshipEvent[]> {
  const { rows } = await executor.query<RelationshipFactRow>(
    `select event_type, data, metadata from relationship_facts
     where dyad = $1 and ($2::date is null or occurred_at <= $2::date or event_type = 'FactRetracted')
     order by transaction_id, global_position`,
    [dyad, upToDay ?? null],
  );
  return rows.map((row) => upcastRelationshipEvent({ type: row.event_type, data: row.data, metadata: row.metadata }));
}
