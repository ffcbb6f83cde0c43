import type { SqlExecutor } from '../database/database.port';
import { ConcurrencyError } from '../event-store/event-store.errors';
import type { AppendResult, EventStore, StreamAppend } from '../event-store/event-store.port';
import type { DyadMetrics } from './dyad-metrics';

// The event store with its appends timed: what an append costs is the figure that bounds
// ingestion, and a rising share of conflicts shows writers fighting over the same dyads.
export function instrumentedEventStore(store: EventStore, metrics: DyadMetrics): EventStore {
  return {
    appendToStreams: (appends: readonly StreamAppend[], within?: (tx: SqlExecutor, result: AppendResult) => Promise<void>) =>
      metrics.time(
        (seconds, error) => {
          const outcome = error === null ? 'ok' : error instanceof ConcurrencyError ? 'conflict' : 'error';
          metrics.appendDuration.observe({ outcome }, seconds);
          if (error === null) metrics.eventsAppended.inc(appends.reduce((count, append) => count + append.events.length, 0));
        },
        () => store.appendToStreams(appends, within),
      ),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribe: (after, handle, options) => store.subscribe(after, handle, options),
  };
}
