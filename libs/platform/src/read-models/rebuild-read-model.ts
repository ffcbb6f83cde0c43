import type { Database, SqlExecutor } from '../database/database.port';
import type { EventStore, LogCheckpoint, StoredEvent } from '../event-store/event-store.port';
import { checkpointOf, compareLogCheckpoints } from '../event-store/log-checkpoint';
import type { ReadModelProjection } from './read-model';

export interface RebuildProgress {
  readonly applied: number;
  readonly checkpoint: LogCheckpoint | null;
}

// Empties a read model and replays the whole log into it, a batch per transaction. Safe while
// the live consumer runs: each batch claims its streams' checkpoints as the live consumer does,
// so an event that either of them applied first is not applied again.
export async function rebuildReadModel(
  database: Database,
  store: EventStore,
  readModel: ReadModelProjection,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 2_000,
): Promise<RebuildProgress> {
  await database.transaction(async (tx) => {
    await readModel.reset(tx);
    await tx.query('delete from consumer_checkpoints where consumer = $1', [readModel.name]);
  });
  let progress: RebuildProgress = { applied: 0, checkpoint: null };
  for (;;) {
    const events = await store.readAll({ after: progress.checkpoint, limit: batchSize });
    if (events.length === 0) {
      await readModel.completeRebuild?.(database);
      return progress;
    }
    await database.transaction(async (tx) => {
      const fresh = await claimBatch(tx, readModel.name, events);
      if (readModel.applyBatch) await readModel.applyBatch(tx, fresh);
      else for (const event of fresh) await readModel.apply(tx, event);
    });
    progress = { applied: progress.applied + events.length, checkpoint: checkpointOf(events[events.length - 1]) };
    onProgress(progress);
  }
}

// Records the last event of each stream of the batch as applied, and returns the events that
// were not applied before (by the live consumer, say), in log order.
async function claimBatch(tx: SqlExecutor, consumer: string, events: readonly StoredEvent[]): Promise<StoredEvent[]> {
  const last = new Map<string, StoredEvent>();
  for (const event of events) last.set(event.streamId, event);
  const streams = [...last.values()];
  const { rows } = await tx.query<{ stream_id: string; transaction_id: string; global_position: string }>(
    `select stream_id, transaction_id::text, global_position::text from consumer_checkpoints
     where consumer = $1 and stream_id = any($2::text[]) for update`,
    [consumer, streams.map((event) => event.streamId)],
  );
  const before = new Map(
    rows.map((row) => [row.stream_id, { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }]),
  );
  await tx.query(
    `insert into consumer_checkpoints as c (consumer, stream_id, stream_position, transaction_id, global_position)
     select $1, s.stream_id, s.stream_position, s.transaction_id::xid8, s.global_position
     from unnest($2::text[], $3::int[], $4::text[], $5::bigint[])
       as s(stream_id, stream_position, transaction_id, global_position)
     on conflict (consumer, stream_id) do update
       set stream_position = excluded.stream_position, transaction_id = excluded.transaction_id,
           global_position = excluded.global_position, updated_at = clock_timestamp()
       where (c.transaction_id, c.global_position) < (excluded.transaction_id, excluded.global_position)`,
    [
      consumer,
      streams.map((event) => event.streamId),
      streams.map((event) => event.streamPosition),
      streams.map((event) => event.transactionId.toString()),
      streams.map((event) => event.globalPosition.toString()),
    ],
  );
  return events.filter((event) => compareLogCheckpoints(checkpointOf(event), before.get(event.streamId) ?? null) > 0);
}
