import type { Database, SqlExecutor } from '../database/database.port';
import type { LogCheckpoint, StoredEvent } from '../event-store/event-store.port';
import { checkpointOf, compareLogCheckpoints } from '../event-store/log-checkpoint';

// Consumers are idempotent (DESIGN §8): each records, per stream, the last event it applied, in
// the transaction of the effect itself. Events are compared in log order, (transaction id,
// global position): the order the relay publishes in and Kafka delivers in per stream, so a
// redelivered event is always at or before the recorded one and a new one always after it.

export interface ApplyOptions {
  // false: the commit does not wait for the disk. Only for a caller that makes its writes durable
  // itself before anything relies on them (a rebuild does, at its end: makeDurable).
  readonly awaitDisk?: boolean;
}

// Runs `apply` on the events this consumer has not applied yet (in the order given, the log's)
// and records the last event of each stream, in one transaction. Resolves to the events applied:
// none, and `apply` not called, when every one was applied before.
export function applyBatchOnce(
  database: Database,
  consumer: string,
  events: readonly StoredEvent[],
  apply: (tx: SqlExecutor, fresh: readonly StoredEvent[]) => Promise<void>,
  { awaitDisk = true }: ApplyOptions = {},
): Promise<readonly StoredEvent[]> {
  return database.transaction(async (tx) => {
    if (!awaitDisk) await tx.query('set local synchronous_commit = off');
    const lastOfStream = new Map<string, StoredEvent>();
    for (const event of events) lastOfStream.set(event.streamId, event);
    // One lock order for every claimer, so that two batches sharing streams never deadlock.
    const streams = [...lastOfStream.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    const before = await lockCheckpoints(tx, consumer, streams);
    const fresh = events.filter((event) => compareLogCheckpoints(checkpointOf(event), before.get(event.streamId)!) > 0);
    if (fresh.length === 0) return fresh;
    await recordApplied(tx, consumer, streams);
    await apply(tx, fresh);
    return fresh;
  });
}

// Locks each stream's checkpoint row and reads it, creating it at the start of the log when the
// consumer has never seen the stream. Taking the lock even on a new row is what keeps a second
// member handed the same events (a rebalance, a rebuild beside the live consumer) from applying
// them again: it waits here until this transaction ends, then reads where it left the stream.
// A plain select would let two claimers both find no row and both apply the stream's events.
async function lockCheckpoints(tx: SqlExecutor, consumer: string, streams: readonly StoredEvent[]): Promise<Map<string, LogCheckpoint>> {
  const { rows } = await tx.query<{ stream_id: string; transaction_id: bigint; global_position: bigint }>(
    `insert into consumer_checkpoints as c (consumer, stream_id, stream_position, transaction_id, global_position)
     select $1, stream_id, 0, '0'::xid8, 0 from unnest($2::text[]) as s(stream_id)
     on conflict (consumer, stream_id) do update set stream_position = c.stream_position
     returning stream_id, transaction_id, global_position`,
    [consumer, streams.map((event) => event.streamId)],
  );
  return new Map(rows.map((row) => [row.stream_id, { transactionId: row.transaction_id, globalPosition: row.global_position }]));
}

async function recordApplied(tx: SqlExecutor, consumer: string, streams: readonly StoredEvent[]): Promise<void> {
  await tx.query(
    `update consumer_checkpoints as c
     set stream_position = s.stream_position, transaction_id = s.transaction_id::xid8,
         global_position = s.global_position, updated_at = clock_timestamp()
     from unnest($2::text[], $3::int[], $4::text[], $5::bigint[]) as s(stream_id, stream_position, transaction_id, global_position)
     where c.consumer = $1 and c.stream_id = s.stream_id
       and (c.transaction_id, c.global_position) < (s.transaction_id::xid8, s.global_position)`,
    [
      consumer,
      streams.map((event) => event.streamId),
      streams.map((event) => event.streamPosition),
      streams.map((event) => event.transactionId.toString()),
      streams.map((event) => event.globalPosition.toString()),
    ],
  );
}

// PostgreSQL writes its log of changes in order: a commit that waits for the disk (one that was
// given a transaction id does) makes every earlier commit durable with it.
export async function makeDurable(database: Database): Promise<void> {
  await database.transaction((tx) => tx.query('select pg_current_xact_id()'));
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
