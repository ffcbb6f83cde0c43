import AsyncLock from 'async-lock';
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

type Decide<Result> = (streams: ReadonlyMap<string, StreamSnapshot>) => Decision<Result> | Promise<Decision<Result>>;

// Commands given to one store take turns on each stream: two that collide waste a whole round
// of reading and deciding, and under load they collide again. Writers elsewhere (other
// processes, other stores) are still caught by the version check.
const turnsByStore = new WeakMap<EventStore, AsyncLock>();

function turnsOf(store: EventStore): AsyncLock {
  let turns = turnsByStore.get(store);
  if (!turns) {
    turns = new AsyncLock({ maxPending: Infinity });
    turnsByStore.set(store, turns);
  }
  return turns;
}

export async function handleCommand<Result>(
  store: EventStore,
  streamIds: readonly string[],
  decide: Decide<Result>,
  options: HandleCommandOptions = {},
): Promise<Result> {
  // Taken in one order by every command, so that two commands never wait for each other.
  const ordered = [...new Set(streamIds)].sort();
  return turnsOf(store).acquire(ordered, () => decideAndAppend(store, ordered, decide, options.maxAttempts ?? 5));
}

async function decideAndAppend<Result>(store: EventStore, streamIds: readonly string[], decide: Decide<Result>, maxAttempts: number): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const streams = new Map<string, StreamSnapshot>();
    for (const streamId of streamIds) {
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
