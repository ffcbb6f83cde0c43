import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  DyadMetrics,
  handleCommand,
  platformMigrations,
  PostgresDatabase,
  runMigrations,
  SqlEventStore,
  streamCachingEventStore,
  type Database,
  type EventStore,
  type NewEvent,
} from '@dyad/platform';
import { instrumentedEventStore } from '@dyad/platform/metrics/instrumented-event-store';
import { describePostgres, openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';

// The cache against a real log: `open` gives the database of this process and `openOther` the
// one another process would write through (a second pool on PostgreSQL; on PGlite, which one
// process owns, a second store on the same database).
function streamCacheContract(open: () => Promise<Database>, openOther: (database: Database) => Promise<Database>): void {
  let database: Database;
  let other: Database;
  let otherStore: EventStore;
  let freshStore: EventStore;

  jest.setTimeout(60_000);

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations]);
    other = await openOther(database);
    otherStore = new SqlEventStore(other);
    freshStore = new SqlEventStore(database);
  }, 60_000);

  afterAll(async () => {
    if (other !== database) await other?.close();
    await database?.close();
  });

  const streamOf = () => `cached-${randomUUID()}`;
  const events = (count: number): NewEvent[] =>
    Array.from({ length: count }, (_, index) => ({ type: 'Tested', data: { index, nested: { note: `event ${index}` } } }));

  it('should answer like a fresh read of the whole stream when another process appends between reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 8 }), async (appendCounts) => {
        const cached = streamCachingEventStore(new SqlEventStore(database), { maxEvents: 1_000 });
        const streamId = streamOf();
        for (const count of appendCounts) {
          if (count > 0) await otherStore.appendToStreams([{ streamId, expectedVersion: 'any', events: events(count) }]);
          expect(await cached.readStream(streamId)).toEqual(await freshStore.readStream(streamId));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('should give every concurrent command a whole prefix of the stream when writers race on it', async () => {
    const cached = streamCachingEventStore(new SqlEventStore(database), { maxEvents: 1_000 });
    const streamId = streamOf();
    await otherStore.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(3) }]);
    const seen: string[][] = [];
    const command = (store: EventStore) =>
      handleCommand(
        store,
        [streamId],
        (streams) => {
          seen.push(streams.get(streamId)?.events.map((event) => event.eventId) ?? []);
          return { appends: [{ streamId, events: events(1) }], result: () => undefined };
        },
        { maxAttempts: 100 },
      );
    await Promise.all([...Array.from({ length: 6 }, () => command(cached)), ...Array.from({ length: 3 }, () => command(otherStore))]);

    const final = await freshStore.readStream(streamId);
    expect(final.events.map((event) => event.streamPosition)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    const ids = final.events.map((event) => event.eventId);
    for (const prefix of seen) expect(prefix).toEqual(ids.slice(0, prefix.length));
    expect(await cached.readStream(streamId)).toEqual(final);
  });

  it('should keep counting appends when the metrics decorator wraps the cache', async () => {
    const metrics = new DyadMetrics();
    const store = instrumentedEventStore(streamCachingEventStore(new SqlEventStore(database), { maxEvents: 1_000 }), metrics);
    const streamId = streamOf();
    await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(2) }]);
    await store.readStream(streamId);
    await store.appendToStreams([{ streamId, expectedVersion: 2, events: events(3) }]);
    expect((await store.readStream(streamId)).version).toBe(5);
    expect((await metrics.eventsAppended.get()).values[0].value).toBe(5);
  });
}

describe('Stream cache [pglite]', () => {
  streamCacheContract(
    () => openPgliteTestDatabase(),
    async (database) => database,
  );
});

describePostgres('Stream cache [postgres]', (database) => {
  streamCacheContract(
    () => PostgresDatabase.connect(database().url),
    () => PostgresDatabase.connect(database().url),
  );
});
