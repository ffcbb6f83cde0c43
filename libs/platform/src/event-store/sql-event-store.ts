import type { Database, SqlExecutor } from '../database/database.port';
import { PostCommitNotifier } from '../database/post-commit-notifier';
import { AppendCoalescer, type AppendCoalescerOptions } from './append-coalescer';
import { appendEvents, lastCheckpointOf } from './append-events.operation';
import { expectedAsNumber, planAppend, type AppendPlan } from './append-plan';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  LogCheckpoint,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamAppend,
  SubscribeOptions,
} from './event-store.port';
import { ConcurrencyError, DuplicateEventIdError } from './event-store.errors';
import { findEarlierAppend } from './find-earlier-append.operation';
import { LogSubscription } from './log-subscription';
import { readAll } from './read-all.operation';
import { readStream } from './read-stream.operation';

// Races that the same append wins when tried again: a deadlock, or a stream created by a
// concurrent append under an 'any' expectation.
const MAX_ATTEMPTS = 3;

// Appends are announced here (after they commit) to wake the log's subscribers.
const EVENTS_CHANNEL = 'dyad_events';

export interface SqlEventStoreOptions {
  readonly subscribe?: SubscribeOptions;
  readonly coalesce?: AppendCoalescerOptions;
}

// The event store over the Database port: the same SQL on PostgreSQL and on PGlite.
export class SqlEventStore implements EventStore {
  private readonly coalescer: AppendCoalescer;
  private readonly notifier: PostCommitNotifier;

  constructor(
    private readonly database: Database,
    private readonly options: SqlEventStoreOptions = {},
  ) {
    this.notifier = new PostCommitNotifier(database, EVENTS_CHANNEL);
    this.coalescer = new AppendCoalescer(
      (plan) => appendEvents(this.database, plan),
      (plan) => this.appendAlone(plan),
      options.coalesce,
    );
  }

  async appendToStreams(
    appends: readonly StreamAppend[],
    within?: (tx: SqlExecutor, result: AppendResult) => Promise<void>,
  ): Promise<AppendResult> {
    const plan = planAppend(appends);
    // An append with work of its own needs a transaction of its own.
    const result = await (within ? this.appendAlone(plan, within) : this.coalescer.append(plan));
    if (!result.alreadyAppended && result.events.length > 0) this.notifier.notify();
    return result;
  }

  private async appendAlone(
    plan: AppendPlan,
    within?: (tx: SqlExecutor, result: AppendResult) => Promise<void>,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // Without `within`, the append is one statement and commits on its own: no BEGIN/COMMIT.
        if (!within) return await appendEvents(this.database, plan);
        return await this.database.transaction(async (tx) => {
          const result = await appendEvents(tx, plan);
          await within(tx, result);
          return result;
        });
      } catch (error) {
        const failure = await this.explain(error, plan);
        if (failure.retry && attempt < MAX_ATTEMPTS) continue;
        if (failure.idsMayBeKnown && plan.idsChosenByCaller) {
          const earlier = await findEarlierAppend(this.database, plan);
          // The whole append had committed before: nothing to write, `within` ran back then.
          if (earlier.events) return alreadyAppended(plan, earlier.events);
          if (earlier.present > 0 && !(failure.error instanceof ConcurrencyError)) {
            throw new DuplicateEventIdError(
              `${earlier.present} of the ${plan.events.length} event ids of this append are already in the log`,
              { cause: error },
            );
          }
        }
        throw failure.error;
      }
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<{ version: number; events: StoredEvent[] }> {
    return readStream(this.database, streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return readAll(this.database, options);
  }

  subscribe(
    after: LogCheckpoint | null,
    handle: (events: StoredEvent[]) => Promise<void>,
    options?: SubscribeOptions,
  ): EventSubscription {
    const source = {
      readAll: (readOptions: ReadAllOptions) => this.readAll(readOptions),
      listen: (onNotify: () => void) => this.database.listen(EVENTS_CHANNEL, () => onNotify()),
    };
    return new LogSubscription(source, after, handle, { ...this.options.subscribe, ...options });
  }

  private async explain(error: unknown, plan: AppendPlan): Promise<{ error: unknown; retry: boolean; idsMayBeKnown: boolean }> {
    if (error instanceof ConcurrencyError) return { error, retry: false, idsMayBeKnown: true };
    const { code, constraint, detail } = (error ?? {}) as { code?: string; constraint?: string; detail?: string };
    if (code === '40P01') return { error, retry: true, idsMayBeKnown: false };
    if (code !== '23505') return { error, retry: false, idsMayBeKnown: false };
    if (constraint === 'events_pkey') return { error, retry: false, idsMayBeKnown: true };
    if (constraint !== 'streams_pkey') return { error, retry: false, idsMayBeKnown: false };
    // A stream this append meant to create was created by a concurrent one that committed first.
    const streamId = /\(stream_id\)=\((.*)\) already exists/.exec(detail ?? '')?.[1];
    const stream = plan.streams.find((candidate) => candidate.streamId === streamId) ?? plan.streams[0];
    if (stream.expectedVersion === 'any') return { error, retry: true, idsMayBeKnown: false };
    const current = await this.readStreamVersion(stream.streamId);
    return {
      error: new ConcurrencyError(stream.streamId, String(stream.expectedVersion), current),
      retry: false,
      idsMayBeKnown: true,
    };
  }

  private async readStreamVersion(streamId: string): Promise<number> {
    const { rows } = await this.database.query<{ version: number }>('select version from streams where stream_id = $1', [streamId]);
    return rows[0]?.version ?? 0;
  }
}

function alreadyAppended(plan: AppendPlan, events: StoredEvent[]): AppendResult {
  return {
    streams: plan.streams.map((stream) => {
      const positions = events.filter((event) => event.streamId === stream.streamId).map((event) => event.streamPosition);
      return { streamId: stream.streamId, nextVersion: Math.max(expectedAsNumber(stream.expectedVersion), 0, ...positions) };
    }),
    events,
    lastCheckpoint: lastCheckpointOf(events),
    alreadyAppended: true,
  };
}
