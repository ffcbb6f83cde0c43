import { SetMetadata } from '@nestjs/common';
import type { Database, SqlExecutor } from '../database/database.port';
import type { StoredEvent } from '../event-store/event-store.port';

// A read model: tables that a projection keeps from the log. Its name is also its consumer
// name (checkpoints) and its consumer group. Events come a batch per transaction, live and when
// rebuilding, in the transaction that records them as applied: given to `applyBatch` when the
// read model has one, so that work per dyad (or per anything) is done once per batch, else to
// `apply` one by one.
export interface ReadModelProjection {
  readonly name: string;
  apply(tx: SqlExecutor, event: StoredEvent): Promise<void>;
  applyBatch?(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void>;
  // Empties the read model's tables before a rebuild.
  reset(tx: SqlExecutor): Promise<void>;
  // Work that first reads would otherwise do (folding current views, say), which `dyad rebuild`
  // does once the log is replayed, so that the first reader after a rebuild does not wait.
  warm?(database: Database): Promise<void>;
  // Called once a batch has committed, live or rebuilding: for telling processes that keep
  // copies of the read model what changed (a NOTIFY outside the transaction).
  committed?(events: readonly StoredEvent[]): void;
}

export const READ_MODEL = 'dyad:read-model';

// Marks a provider as a read model: the runner finds it and feeds it from the transport.
export const ReadModel = (): ClassDecorator => SetMetadata(READ_MODEL, true);
