import {
  checkpointOf,
  compareLogCheckpoints,
  DATABASE,
  EVENT_STORE,
  LOGGER,
  type Database,
  type EventStore,
  type EventSubscription,
  type LogCheckpoint,
  type SqlExecutor,
  type StoredEvent,
} from '@dyad/platform';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommitmentChangesProjection } from '../application/read-models/commitment-changes/commitment-changes.projection';
import { FEED_CHANNEL } from './feed-loop';
import { checkpointOfRow } from './sql-commitment-feed.adapter';

// Feeds the commitment-change projection from the log itself, in the log's gap-free order,
// rather than from dyad.events.v1: Kafka keeps order per stream only, and the feed needs one
// order over all streams so that its ids (log positions) resume exactly. Each batch locks the
// feed's checkpoint row and applies only what lies after it, in the same transaction as its
// rows: any number of workers may run this, they write one history, each event applied once.
@Injectable()
export class CommitmentFeedRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly projection = new CommitmentChangesProjection();
  private subscription: EventSubscription | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const from = await readCheckpoint(this.database, false);
    this.subscription = this.store.subscribe(from, (events) => this.applyBatch(events), {
      batchSize: 500,
      onError: (error) => this.logger.warn({ err: error }, 'Commitment feed: applying events failed; retrying'),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  async applyBatch(events: readonly StoredEvent[]): Promise<void> {
    const applied = await this.database.transaction(async (tx) => {
      const done = await readCheckpoint(tx, true);
      this.projection.startBatch(done);
      const fresh = events.filter((event) => compareLogCheckpoints(checkpointOf(event), done) > 0);
      if (fresh.length === 0) return null;
      let changes = 0;
      for (const event of fresh) if (await this.projection.apply(tx, event)) changes++;
      const last = checkpointOf(fresh[fresh.length - 1]);
      await tx.query(
        `update commitment_feed_checkpoints set transaction_id = $1::xid8, global_position = $2, updated_at = clock_timestamp()
         where feed = 'changes'`,
        [last.transactionId.toString(), last.globalPosition.toString()],
      );
      // Delivered at commit: listeners read the rows once they are visible.
      if (changes > 0) await tx.query(`select pg_notify('${FEED_CHANNEL}', '')`);
      return { tx, last };
    });
    if (applied) this.projection.batchCommitted(applied.tx, applied.last);
  }
}

async function readCheckpoint(executor: SqlExecutor, lock: boolean): Promise<LogCheckpoint | null> {
  const { rows } = await executor.query<{ transaction_id: bigint; global_position: bigint }>(
    `select transaction_id, global_position from commitment_feed_checkpoints where feed = 'changes'${lock ? ' for update' : ''}`,
  );
  return rows[0] && BigInt(rows[0].global_position) > 0n ? checkpointOfRow(rows[0]) : null;
}
