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

// A dyad's events in log order, as the domain reads them.
export async function loadRelationshipEvents(executor: SqlExecutor, dyad: string): Promise<RelationshipEvent[]> {
  const { rows } = await executor.query<RelationshipFactRow>(
    `select event_type, data, metadata from relationship_facts
     where dyad = $1 order by transaction_id, global_position`,
    [dyad],
  );
  return rows.map((row) => upcastRelationshipEvent({ type: row.event_type, data: row.data, metadata: row.metadata }));
}
