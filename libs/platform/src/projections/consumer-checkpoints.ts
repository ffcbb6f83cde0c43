import type { Database, SqlExecutor } from '../database/database.port';
import type { LogCheckpoint, StoredEvent } from '../event-store/event-store.port';

// Consumers are idempotent (DESIGN §8): each records, per stream, the last event it applied, in
// the transaction of the effect itself. Events are compared in log order, (transaction id,
// global position): the order the relay publishes in and Kafka delivers in per stream, so a
// redelivered event is always at or before the recorded one and a new one always after it.

// Runs `apply` and records the event, in one transaction. Resolves false, changing nothing,
// when this consumer has already applied the event (or a later one of its stream).
export function applyOnce(
  database: Database,
  consumer: string,
  event: StoredEvent,
  apply: (tx: SqlExecutor) => Promise<void>,
): Promise<boolean> {
  return database.transaction(async (tx) => {
    // One statement both claims the event and locks the row: a second member of the group
    // handed the same event during a rebalance waits here, then finds it recorded.
    const { rows } = await tx.query(
      `insert into consumer_checkpoints as c (consumer, stream_id, stream_position, transaction_id, global_position)
       values ($1, $2, $3, $4::xid8, $5)
       on conflict (consumer, stream_id) do update
         set stream_position = excluded.stream_position, transaction_id = excluded.transaction_id,
             global_position = excluded.global_position, updated_at = clock_timestamp()
         where (c.transaction_id, c.global_position) < (excluded.transaction_id, excluded.global_position)
       returning 1 as claimed`,
      [consumer, event.streamId, event.streamPosition, event.transactionId.toString(), event.globalPosition.toString()],
    );
    if (rows.length === 0) return false;
    await apply(tx);
    return true;
  });
}

// Read-your-writes: has `consumer` applied every event of `streamId` up to `upTo` (an append's
// `lastCheckpoint`)?
export async function hasApplied(executor: SqlExecutor, consumer: string, streamId: string, upTo: LogCheckpoint): Promise<boolean> {
  const { rows } = await executor.query(
    `select 1 from consumer_checkpoints
     where consumer = $1 and stream_id = $2 and (transaction_id, global_position) >= ($3::xid8, $4::bigint)`,
    [consumer, streamId, upTo.transactionId.toString(), upTo.globalPosition.toString()],
  );
  return rows.length > 0;
}
