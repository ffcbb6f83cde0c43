import {
  commitmentChangeMessage,
  DATABASE,
  LOGGER,
  TRANSPORT,
  type Database,
  type LogCheckpoint,
  type Transport,
} from '@dyad/platform';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { COMMITMENT_CHANGED } from '../domain/commitment-change';
import { COMMITMENT_FEED, type CommitmentFeed } from '../application/ports/commitment-feed.port';
import { FeedLoop } from './feed-loop';
import { checkpointOfRow } from './sql-commitment-feed.adapter';

const BATCH = 500;

// The change table is the outbox of dyad.commitment-changes.v1: rows are published in feed
// order, then the relay's checkpoint moves, only if no other worker moved it meanwhile. A crash
// in between, or two workers racing, publishes a batch twice: at least once, never lost.
@Injectable()
export class CommitmentChangeRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop: FeedLoop;

  constructor(
    @Inject(COMMITMENT_FEED) private readonly feed: CommitmentFeed,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(TRANSPORT) private readonly transport: Transport,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new FeedLoop({
      database,
      pollMs: 1_000,
      step: () => this.step(),
      onError: (error) => this.logger.warn({ err: error }, 'Commitment feed: publishing to Kafka failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  private async step(): Promise<boolean> {
    const from = await this.checkpoint();
    const entries = await this.feed.readAfter(from, BATCH);
    if (entries.length === 0) return false;
    await this.transport.publish(
      entries.map(({ change }) => ({
        ...commitmentChangeMessage(change.commitmentId, change),
        // For consumers that route or deduplicate without parsing the value.
        headers: { 'dyad-position': change.position, 'dyad-event-type': COMMITMENT_CHANGED },
      })),
    );
    const last = entries[entries.length - 1].checkpoint;
    const { rowCount } = await this.database.query(
      `update commitment_feed_checkpoints set transaction_id = $3::xid8, global_position = $4, updated_at = clock_timestamp()
       where feed = 'kafka' and transaction_id = $1::xid8 and global_position = $2`,
      [String(from?.transactionId ?? 0n), String(from?.globalPosition ?? 0n), last.transactionId.toString(), last.globalPosition.toString()],
    );
    return rowCount > 0 && entries.length === BATCH;
  }

  private async checkpoint(): Promise<LogCheckpoint | null> {
    const { rows } = await this.database.query<{ transaction_id: bigint; global_position: bigint }>(
      `select transaction_id, global_position from commitment_feed_checkpoints where feed = 'kafka'`,
    );
    return rows[0] && BigInt(rows[0].global_position) > 0n ? checkpointOfRow(rows[0]) : null;
  }
}
