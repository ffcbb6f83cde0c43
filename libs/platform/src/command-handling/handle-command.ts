import type { SqlExecutor } from '../database/database.port';
import { ConcurrencyError } from '../event-store/event-store.errors';
import type { AppendResult, EventStore, NewEvent, StoredEvent, StreamAppend } from '../event-store/event-store.port';

// The one command-handling recipe: read the streams, let the caller fold and decide, append
// everything with the versions that were read, and start over when another writer got there first.
export interface StreamSnapshot {
  readonly streamId: string;
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

export interface Decision<Result> {
  readonly appends: ReadonlyArray<{ streamId: string; events: readonly NewEvent[] }>;
  readonly result: (appended: AppendResult) => Result;
  // Extra writes that must commit or roll back with the events.
  readonly within?: (tx: SqlExecutor, appended: AppendResult) => Promise<void>;
}

export interface HandleCommandOptions {
  readonly maxAttempts?: number;
}

export async function handleCommand<Result>(
  store: EventStore,
  streamIds: readonly string[],
  decide: (streams: ReadonlyMap<string, StreamSnapshot>) => Decision<Result> | Promise<Decision<Result>>,
  options: HandleCommandOptions = {},
): Promise<Result> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const streams = new Map<string, StreamSnapshot>();
    for (const streamId of new Set(streamIds)) {
      const { version, events } = await store.readStream(streamId);
      streams.set(streamId, { streamId, version, events });
    }
    const decision = await decide(streams);
    const appends: StreamAppend[] = decision.appends
      .filter((append) => append.events.length > 0)
      .map((append) => ({
        streamId: append.streamId,
        expectedVersion: streams.get(append.streamId)?.version ?? 'any',
        events: append.events,
      }));
    try {
      const appended = await store.appendToStreams(appends, decision.within);
      return decision.result(appended);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
      // Jittered pause so that two writers that collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
