import type { LogCheckpoint } from '@dyad/platform';
import type { Observable } from 'rxjs';
import type { ChangeFilter } from '../../domain/change-filter';
import type { CommitmentChange } from '../../domain/commitment-change';

export interface FeedEntry {
  readonly checkpoint: LogCheckpoint;
  readonly change: CommitmentChange;
}

// The stored feed, in log order. Rows appear in that order too (one projection writes them,
// batch after batch), so reading "after a position" never skips a row that commits later.
export interface CommitmentFeed {
  readAfter(after: LogCheckpoint | null, limit: number): Promise<FeedEntry[]>;
  // The last change stored; null while the feed is empty.
  head(): Promise<LogCheckpoint | null>;
  // How far the projection has read the log (read-your-writes for webhook commands).
  projectedUpTo(): Promise<LogCheckpoint | null>;
}

export const COMMITMENT_FEED = Symbol('COMMITMENT_FEED');

// The live feed of this process: what was stored after `after` (replayed), then each new change
// as it is stored, each once, in order. `after` undefined: from now on.
export interface ChangeStream {
  subscribe(filter: ChangeFilter, after: LogCheckpoint | null | undefined): Observable<CommitmentChange>;
}

export const CHANGE_STREAM = Symbol('CHANGE_STREAM');
