import { DATABASE, type Database, type LogCheckpoint } from '@dyad/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { CommitmentChange } from '../domain/commitment-change';
import type { CommitmentFeed, FeedEntry } from '../application/ports/commitment-feed.port';

type PositionRow = { transaction_id: bigint; global_position: bigint };

@Injectable()
export class SqlCommitmentFeed implements CommitmentFeed {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async readAfter(after: LogCheckpoint | null, limit: number): Promise<FeedEntry[]> {
    const { rows } = await this.database.query<PositionRow & { change: CommitmentChange }>(
      `select transaction_id, global_position, change from commitment_changes
       where (transaction_id, global_position) > ($1::xid8, $2::bigint)
       order by transaction_id, global_position limit $3`,
      [String(after?.transactionId ?? 0n), String(after?.globalPosition ?? 0n), limit],
      { name: 'commitment-feed-read-after' },
    );
    return rows.map((row) => ({ checkpoint: checkpointOfRow(row), change: row.change }));
  }

  async head(): Promise<LogCheckpoint | null> {
    const { rows } = await this.database.query<PositionRow>(
      'select transaction_id, global_position from commitment_changes order by transaction_id desc, global_position desc limit 1',
    );
    return rows[0] ? checkpointOfRow(rows[0]) : null;
  }

  async projectedUpTo(): Promise<LogCheckpoint | null> {
    const { rows } = await this.database.query<PositionRow>(
      `select transaction_id, global_position from commitment_feed_checkpoints where feed = 'changes'`,
    );
    return rows[0] && rows[0].global_position > 0n ? checkpointOfRow(rows[0]) : null;
  }
}

export function checkpointOfRow(row: PositionRow): LogCheckpoint {
  return { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) };
}
