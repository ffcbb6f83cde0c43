import type { SqlExecutor } from '@dyad/platform';
import { upcastRelationshipEvent } from '../../../domain/relationship-event.upcaster';
import type { RelationshipEvent } from '../../../domain/relationship.events';

// A dyad's events in log order, as the domain reads them: what its current view is folded from.
export async function loadRelationshipEvents(executor: SqlExecutor, dyad: string): Promise<RelationshipEvent[]> {
  const { rows } = await executor.query<{ event_type: string; data: unknown; metadata: Record<string, unknown> }>(
    `select event_type, data, metadata from relationship_facts where dyad = $1 order by transaction_id, global_position`,
    [dyad],
  );
  return rows.map((row) => upcastRelationshipEvent({ type: row.event_type, data: row.data, metadata: row.metadata }));
}
