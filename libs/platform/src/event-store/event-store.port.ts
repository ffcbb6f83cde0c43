import type { SqlExecutor } from '../database/database.port';

export interface EventMetadata {
  readonly schemaVersion?: number;
  readonly [key: string]: unknown;
}

export interface NewEvent {
  // A caller-chosen id makes a retried append idempotent; one is generated when absent.
  readonly eventId?: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
  // Valid time: when the fact happened in the world. Defaults to the recording time.
  readonly validAt?: Date;
}

// The place of an event in the gap-free reading order of the whole log (DESIGN §3):
// by writing transaction first, then by global position.
export interface LogCheckpoint {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

export interface StoredEvent<Data = unknown> {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: bigint;
  readonly transactionId: bigint;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  readonly validAt: Date;
}

// `'no_stream'`: the stream must not exist yet; `'any'`: no check; a number: the stream's
// current version (the position of its last event, 0 for an empty stream) must equal it.
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface StreamAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

export interface AppendResult {
  readonly streams: ReadonlyArray<{ streamId: string; nextVersion: number }>;
  readonly events: readonly StoredEvent[];
  // The checkpoint of the last event written, for read-your-writes.
  readonly lastCheckpoint: LogCheckpoint | null;
  // True when every event id was already in the log: the append had happened before.
  readonly alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  // Inclusive: the events at this position and after.
  readonly fromVersion?: number;
  // Knowledge time: only events recorded at or before it.
  readonly knownAt?: Date;
}

export interface ReadAllOptions {
  readonly after?: LogCheckpoint | null;
  readonly limit?: number;
}

export interface SubscribeOptions {
  readonly batchSize?: number;
  // Idle polling starts at the minimum and doubles up to the maximum; a notification of a new
  // append or a delivered batch brings it back to the minimum.
  readonly minPollMs?: number;
  readonly maxPollMs?: number;
  // A failed read or handler is retried, after the same backoff, from the same checkpoint.
  readonly onError?: (error: unknown) => void;
}

export interface EventSubscription {
  stop(): Promise<void>;
}

export interface EventStore {
  // Appends to one or several streams in ONE transaction: all of it or none of it.
  // `within` lets a caller add its own writes (e.g. a dedup row) to the same transaction; it must
  // use `tx` only (on PGlite, any other query waits for this transaction to end: a deadlock).
  appendToStreams(
    appends: readonly StreamAppend[],
    within?: (tx: SqlExecutor, result: AppendResult) => Promise<void>,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<{ version: number; events: StoredEvent[] }>;
  // Whole log, in the gap-free order, strictly after `after`, only events visible to every reader.
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  // Catch-up from `after`, then live. `handle` is awaited batch by batch, never concurrently.
  subscribe(
    after: LogCheckpoint | null,
    handle: (events: StoredEvent[]) => Promise<void>,
    options?: SubscribeOptions,
  ): EventSubscription;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
