import type { Database } from '../database/database.port';
import type { EventStore, LogCheckpoint, StoredEvent } from '../event-store/event-store.port';
import { checkpointOf } from '../event-store/log-checkpoint';
import { makeDurable } from '../projections/consumer-checkpoints';
import { keyHash } from '../transport/key-hash';
import type { ReadModelProjection } from './read-model';
import { applyToReadModelOnce } from './read-model-runner';

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
  let next = store.readAll({ after: null, limit: batchSize });
  for (;;) {
    const events = await next;
    if (events.length === 0) break;
    // The next batch is read while this one is written: two connections, two cores at work.
    next = store.readAll({ after: checkpointOf(events[events.length - 1]), limit: batchSize });
    try {
      // A batch lost to a crash goes with its checkpoints, and the rebuild is run again: no batch
      // waits for the disk, and the end waits once for all of them.
      await Promise.all(byLane(events).map((lane) => applyToReadModelOnce(database, readModel, lane, { awaitDisk: false })));
    } catch (error) {
      await next.catch(() => undefined);
      throw error;
    }
    progress = { applied: progress.applied + events.length, checkpoint: checkpointOf(events[events.length - 1]) };
    onProgress(progress);
  }
  await makeDurable(database);
  return progress;
}

// A batch is written in lanes, each in its own transaction and connection, so that PostgreSQL
// works on more than one core. A stream's events stay in one lane and in order: a read model
// keeps each row from one stream's events (as consumers with partitions in parallel already
// require), so lanes never touch the same rows. On PGlite the lanes simply take turns.
const LANES = 3;

function byLane(events: readonly StoredEvent[]): StoredEvent[][] {
  const lanes: StoredEvent[][] = Array.from({ length: LANES }, () => []);
  for (const event of events) lanes[keyHash(event.streamId) % LANES].push(event);
  return lanes.filter((lane) => lane.length > 0);
}
