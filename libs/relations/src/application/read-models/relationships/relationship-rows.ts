import type { SqlExecutor } from '@dyad/platform';
import { upcastRelationshipEvent } from '../../../domain/relationship-event.upcaster';
import type { RelationshipEvent } from '../../../domain/relationship.events';

// The log position of a row, as text (xid8 and bigint).
export interface RowPosition {
  readonly transactionId: string;
  readonly globalPosition: string;
}

// A dyad's events in log order, as the domain reads them: what its current view is folded from.
export async function loadRelationshipEvents(executor: SqlExecutor, dyad: string): Promise<RelationshipEvent[]> {
  return (await loadRelationshipEventsAfter(executor, dyad, null)).events;
}

// The dyad's events after a position (all of them after null), and the position of the last.
// The projection writes a dyad's rows in log order, so none lands behind one already read.
export async function loadRelationshipEventsAfter(
  executor: SqlExecutor,
  dyad: string,
  after: RowPosition | null,
): Promise<{ events: RelationshipEvent[]; last: RowPosition | null }> {
  const { rows } = await executor.query<{ event_type: string; data: unknown; metadata: Record<string, unknown>; transaction_id: string; global_position: string }>(
    `select event_type, data, metadata, transaction_id::text as transaction_id, global_position::text as global_position
     from relationship_facts
     where dyad = $1 ${after ? 'and (transaction_id, global_position) > ($2::xid8, $3::bigint)' : ''}
     order by transaction_id, global_position`,
    after ? [dyad, after.transactionId, after.globalPosition] : [dyad],
  );
  const last = rows[rows.length - 1];
  return {
    events: rows.map((row) => upcastRelationshipEvent({ type: row.event_type, data: row.data, metadata: row.metadata })),
    last: last ? { transactionId: last.transaction_id, globalPosition: last.global_position } : after,
  };
}
