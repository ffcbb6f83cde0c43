import type { Database } from '../database/database.port';
import type { EventStore, LogCheckpoint } from '../event-store/event-store.port';
import { checkpointOf } from '../event-store/log-checkpoint';
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
    if (events.length === 0) return progress;
    // The next batch is read while this one is written: two connections, two cores at work.
    next = store.readAll({ after: checkpointOf(events[events.length - 1]), limit: batchSize });
    try {
      await applyToReadModelOnce(database, readModel, events);
    } catch (error) {
      await next.catch(() => undefined);
      throw error;
    }
    progress = { applied: progress.applied + events.length, checkpoint: checkpointOf(events[events.length - 1]) };
    onProgress(progress);
  }
}
