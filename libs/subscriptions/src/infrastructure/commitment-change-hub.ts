import { compareLogCheckpoints, DATABASE, DyadMetrics, LOGGER, type Database, type LogCheckpoint } from '@dyad/platform';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { Observable } from 'rxjs';
import { matchesFilter, type ChangeFilter } from '../domain/change-filter';
import type { CommitmentChange } from '../domain/commitment-change';
import { COMMITMENT_FEED, type ChangeStream, type CommitmentFeed, type FeedEntry } from '../application/ports/commitment-feed.port';
import { FeedLoop } from './feed-loop';

const PAGE = 500;
const POLL_MS = 1_000;

// One per API process: tails the change table (woken by the feed's NOTIFY) and hands each new
// row to every live subscriber. The table, not the transport, is the source: it is in log order
// and gap-free, which Kafka partitions keyed by commitment are not, and that order is what
// makes a Last-Event-ID resume exact. Any API instance serves any subscriber from it.
@Injectable()
export class CommitmentChangeHub implements ChangeStream, OnApplicationBootstrap, BeforeApplicationShutdown {
  // The last row handed to live subscribers; rows after it come with the next step.
  private head: LogCheckpoint | null = null;
  private readonly listeners = new Set<(entries: readonly FeedEntry[]) => void>();
  private readonly loop: FeedLoop;

  constructor(
    @Inject(COMMITMENT_FEED) private readonly feed: CommitmentFeed,
    @Inject(DATABASE) database: Database,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: DyadMetrics,
  ) {
    this.loop = new FeedLoop({
      database,
      pollMs: POLL_MS,
      step: () => this.step(),
      onError: (error) => this.logger.warn({ err: error }, 'Commitment feed: reading new changes failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.head = await this.feed.head();
    await this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  // Replay and live meet without a gap or a repeat: the subscriber keeps its own cursor, replays
  // from the table until it has reached the hub's head, and turns live in the same tick as that
  // check, so every row after it comes from the hub; rows at or before its cursor are skipped.
  subscribe(filter: ChangeFilter, after: LogCheckpoint | null | undefined): Observable<CommitmentChange> {
    return new Observable<CommitmentChange>((subscriber) => {
      let cursor = after === undefined ? this.head : after;
      let live = false;
      let closed = false;
      const take = (entries: readonly FeedEntry[]) => {
        for (const entry of entries) {
          if (compareLogCheckpoints(entry.checkpoint, cursor) <= 0) continue;
          cursor = entry.checkpoint;
          if (matchesFilter(filter, entry.change)) subscriber.next(entry.change);
        }
      };
      const listener = (entries: readonly FeedEntry[]) => {
        if (live) take(entries);
      };
      this.listeners.add(listener);
      this.metrics.sseConnections.inc({ feed: 'commitments' });
      const catchUp = async () => {
        while (!closed) {
          if (compareLogCheckpoints(cursor, this.head) >= 0) {
            live = true;
            return;
          }
          const entries = await this.feed.readAfter(cursor, PAGE);
          if (closed) return;
          take(entries);
          // Nothing stored after the cursor although the hub is further: the table was rebuilt.
          if (entries.length === 0) cursor = this.head;
        }
      };
      catchUp().catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        this.listeners.delete(listener);
        this.metrics.sseConnections.dec({ feed: 'commitments' });
      };
    });
  }

  private async step(): Promise<boolean> {
    const entries = await this.feed.readAfter(this.head, PAGE);
    if (entries.length === 0) return false;
    this.head = entries[entries.length - 1].checkpoint;
    for (const listener of this.listeners) listener(entries);
    return entries.length === PAGE;
  }
}
