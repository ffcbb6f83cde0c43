import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  checkpointOf,
  compareLogCheckpoints,
  platformMigrations,
  runMigrations,
  SqlEventStore,
  type Database,
  type EventStore,
  type LogCheckpoint,
  type NewEvent,
  type StoredEvent,
} from '@dyad/platform';

// The behaviour every EventStore adapter owes its callers, run once per database adapter.
// Tests share one database per suite: each makes its own stream ids and reads the log only
// after the checkpoint it found on arrival.
export function eventStoreContract(open: () => Promise<Database>): void {
  let database: Database;
  let store: EventStore;

  // Generous: the machines that run this are shared, and PGlite takes seconds to start.
  jest.setTimeout(60_000);

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations]);
    store = new SqlEventStore(database, { subscribe: { minPollMs: 10, maxPollMs: 200 } });
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const streamOf = (kind = 'test') => `${kind}-${randomUUID()}`;
  const events = (count: number, type = 'Tested'): NewEvent[] =>
    Array.from({ length: count }, (_, index) => ({ type, data: { index, note: `event ${index}` }, metadata: { schemaVersion: 1 } }));

  describe('append and versions', () => {
    it('should append to a new stream and read it back when expecting no stream', async () => {
      const streamId = streamOf();
      const result = await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(2) }]);
      expect(result.alreadyAppended).toBe(false);
      expect(result.streams).toEqual([{ streamId, nextVersion: 2 }]);
      const read = await store.readStream(streamId);
      expect(read.version).toBe(2);
      expect(read.events.map((event) => [event.streamPosition, event.type, event.data])).toEqual([
        [1, 'Tested', { index: 0, note: 'event 0' }],
        [2, 'Tested', { index: 1, note: 'event 1' }],
      ]);
      expect(read.events[0]).toMatchObject({ eventId: result.events[0].eventId, metadata: { schemaVersion: 1 } });
      expect(typeof read.events[0].globalPosition).toBe('bigint');
      expect(typeof read.events[0].transactionId).toBe('bigint');
      expect(read.events[0].recordedAt).toBeInstanceOf(Date);
      expect(read.events[0].validAt.getTime()).toBe(read.events[0].recordedAt.getTime());
    });

    it('should raise a ConcurrencyError and write nothing when the expected version is stale', async () => {
      const streamId = streamOf();
      await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(2) }]);
      const attempt = store.appendToStreams([{ streamId, expectedVersion: 1, events: events(1) }]);
      await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(attempt).rejects.toMatchObject({ streamId, expected: '1', actual: 2 });
      expect((await store.readStream(streamId)).version).toBe(2);
    });

    it("should refuse 'no_stream' when the stream exists and a number when it does not", async () => {
      const existing = streamOf();
      await store.appendToStreams([{ streamId: existing, expectedVersion: 'no_stream', events: events(1) }]);
      await expect(store.appendToStreams([{ streamId: existing, expectedVersion: 'no_stream', events: events(1) }])).rejects.toMatchObject({
        actual: 1,
      });
      await expect(store.appendToStreams([{ streamId: streamOf(), expectedVersion: 3, events: events(1) }])).rejects.toMatchObject({
        actual: 0,
      });
    });

    it("should append at the end whatever the version when expecting 'any', and accept 0 for a new stream", async () => {
      const streamId = streamOf();
      await store.appendToStreams([{ streamId, expectedVersion: 0, events: events(2) }]);
      const result = await store.appendToStreams([{ streamId, expectedVersion: 'any', events: events(3) }]);
      expect(result.streams[0].nextVersion).toBe(5);
      expect(result.events.map((event) => event.streamPosition)).toEqual([3, 4, 5]);
      const fresh = await store.appendToStreams([{ streamId: streamOf(), expectedVersion: 'any', events: events(1) }]);
      expect(fresh.streams[0].nextVersion).toBe(1);
    });

    it('should write several streams in one transaction when each matches', async () => {
      const [first, second] = [streamOf('article'), streamOf('relationship')];
      await store.appendToStreams([{ streamId: second, expectedVersion: 'no_stream', events: events(1) }]);
      const result = await store.appendToStreams([
        { streamId: first, expectedVersion: 'no_stream', events: events(2) },
        { streamId: second, expectedVersion: 1, events: events(1) },
      ]);
      expect(result.streams).toEqual([
        { streamId: first, nextVersion: 2 },
        { streamId: second, nextVersion: 2 },
      ]);
      expect(new Set(result.events.map((event) => event.transactionId)).size).toBe(1);
      expect(result.lastCheckpoint).toEqual(checkpointOf(result.events[2]));
    });

    it('should leave nothing of the first stream when the second stream conflicts', async () => {
      const [first, second] = [streamOf(), streamOf()];
      await store.appendToStreams([{ streamId: second, expectedVersion: 'no_stream', events: events(2) }]);
      const attempt = store.appendToStreams([
        { streamId: first, expectedVersion: 'no_stream', events: events(3) },
        { streamId: second, expectedVersion: 1, events: events(1) },
      ]);
      await expect(attempt).rejects.toMatchObject({ streamId: second, actual: 2 });
      expect(await store.readStream(first)).toEqual({ version: 0, events: [] });
      expect((await store.readStream(second)).version).toBe(2);
    });

    it('should leave nothing when the caller work in the same transaction fails', async () => {
      const [first, second] = [streamOf(), streamOf()];
      const attempt = store.appendToStreams(
        [
          { streamId: first, expectedVersion: 'no_stream', events: events(1) },
          { streamId: second, expectedVersion: 'no_stream', events: events(1) },
        ],
        async () => {
          throw new Error('dedup row refused');
        },
      );
      await expect(attempt).rejects.toThrow('dedup row refused');
      expect((await store.readStream(first)).version).toBe(0);
      expect((await store.readStream(second)).version).toBe(0);
    });

    it('should run the caller work inside the append transaction when given', async () => {
      const streamId = streamOf();
      let seen = -1n;
      await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(2) }], async (tx, result) => {
        const { rows } = await tx.query<{ count: bigint }>('select count(*) as count from events where event_id = any($1::uuid[])', [
          result.events.map((event) => event.eventId),
        ]);
        seen = rows[0].count;
      });
      expect(seen).toBe(2n);
    });
  });

  describe('appends at the same time', () => {
    it('should answer each append on its own when appends written together include a conflict', async () => {
      const streams = Array.from({ length: 6 }, () => streamOf('together'));
      await store.appendToStreams([{ streamId: streams[3], expectedVersion: 'no_stream', events: events(2) }]);
      const outcomes = await Promise.allSettled(
        streams.map((streamId, index) =>
          store.appendToStreams([{ streamId, expectedVersion: index === 3 ? 1 : 'no_stream', events: events(2) }]),
        ),
      );
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ streamId: streams[3], actual: 2 });
      // The conflicting stream keeps its two earlier events; every other one got its two.
      for (const streamId of streams) expect((await store.readStream(streamId)).version).toBe(2);
      const results = outcomes.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => outcome.value);
      results.forEach((result) => {
        expect(result.events).toHaveLength(2);
        expect(result.streams).toHaveLength(1);
        expect(result.events.every((event) => event.streamId === result.streams[0].streamId)).toBe(true);
      });
    });

    it('should keep the order of two appends to one stream when they arrive together', async () => {
      const streamId = streamOf();
      const [first, second] = await Promise.all([
        store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(1) }]),
        store.appendToStreams([{ streamId, expectedVersion: 1, events: events(1) }]),
      ]);
      expect(first.events[0].streamPosition).toBe(1);
      expect(second.events[0].streamPosition).toBe(2);
    });
  });

  describe('idempotent retries', () => {
    it('should return alreadyAppended without writing when every event id is already in the log', async () => {
      const [first, second] = [streamOf(), streamOf()];
      const chosen = (streamEvents: NewEvent[]) => streamEvents.map((event) => ({ ...event, eventId: randomUUID() }));
      const appends = [
        { streamId: first, expectedVersion: 'no_stream' as const, events: chosen(events(2)) },
        { streamId: second, expectedVersion: 'no_stream' as const, events: chosen(events(1)) },
      ];
      const original = await store.appendToStreams(appends);
      let withinRuns = 0;
      const retry = await store.appendToStreams(appends, async () => void (withinRuns += 1));
      expect(retry.alreadyAppended).toBe(true);
      expect(withinRuns).toBe(0);
      expect(retry.events.map((event) => event.globalPosition)).toEqual(original.events.map((event) => event.globalPosition));
      expect(retry.streams).toEqual(original.streams);
      expect(retry.lastCheckpoint).toEqual(original.lastCheckpoint);
      expect((await store.readStream(first)).events).toHaveLength(2);
      const anyRetry = await store.appendToStreams(appends.map((append) => ({ ...append, expectedVersion: 'any' as const })));
      expect(anyRetry.alreadyAppended).toBe(true);
      expect((await store.readStream(second)).events).toHaveLength(1);
    });

    it('should refuse an append that reuses only some event ids of another one', async () => {
      const streamId = streamOf();
      const eventId = randomUUID();
      await store.appendToStreams([{ streamId, expectedVersion: 'any', events: [{ eventId, type: 'Tested', data: {} }] }]);
      const attempt = store.appendToStreams([
        { streamId, expectedVersion: 'any', events: [{ eventId, type: 'Tested', data: {} }, { eventId: randomUUID(), type: 'Tested', data: {} }] },
      ]);
      await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect((await store.readStream(streamId)).version).toBe(1);
    });
  });

  describe('reading a stream', () => {
    it('should read from a version on, inclusive, and report the version when nothing is left', async () => {
      const streamId = streamOf();
      await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(4) }]);
      const tail = await store.readStream(streamId, { fromVersion: 3 });
      expect(tail.version).toBe(4);
      expect(tail.events.map((event) => event.streamPosition)).toEqual([3, 4]);
      expect(await store.readStream(streamId, { fromVersion: 5 })).toEqual({ version: 4, events: [] });
    });

    it('should keep only the events recorded at or before knownAt when given', async () => {
      const streamId = streamOf();
      const early = await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(2) }]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const late = await store.appendToStreams([{ streamId, expectedVersion: 2, events: events(1) }]);
      const knownAt = early.events[1].recordedAt;
      expect(late.events[0].recordedAt.getTime()).toBeGreaterThan(knownAt.getTime());
      const then = await store.readStream(streamId, { knownAt });
      expect(then.version).toBe(2);
      expect(then.events.map((event) => event.streamPosition)).toEqual([1, 2]);
      expect(await store.readStream(streamId, { knownAt, fromVersion: 3 })).toEqual({ version: 2, events: [] });
      expect((await store.readStream(streamId, { knownAt: new Date(knownAt.getTime() - 60_000) })).version).toBe(0);
    });

    it('should keep valid time apart from recording time when an event carries one', async () => {
      const streamId = streamOf();
      const validAt = new Date('2024-03-01T10:00:00.000Z');
      await store.appendToStreams([{ streamId, expectedVersion: 'any', events: [{ type: 'MeetingHeld', data: {}, validAt }] }]);
      const [event] = (await store.readStream(streamId)).events;
      expect(event.validAt.toISOString()).toBe(validAt.toISOString());
      expect(event.recordedAt.getTime()).toBeGreaterThan(validAt.getTime());
    });
  });

  describe('reading the whole log', () => {
    it('should return the events after a checkpoint in log order, page by page', async () => {
      const start = await head(store);
      const first = await store.appendToStreams([{ streamId: streamOf(), expectedVersion: 'any', events: events(3) }]);
      const second = await store.appendToStreams([
        { streamId: streamOf(), expectedVersion: 'any', events: events(2) },
        { streamId: streamOf(), expectedVersion: 'any', events: events(2) },
      ]);
      const written = [...first.events, ...second.events].map((event) => event.eventId);
      const pages = await readLog(store, start, written, 2);
      pages.forEach((page) => expect(page.length).toBeLessThanOrEqual(2));
      const read = pages.flat();
      expect(read.map((event) => event.eventId).filter((id) => written.includes(id))).toEqual(written);
      expectStrictlyOrdered(read);
      expect(await store.readAll({ after: second.lastCheckpoint })).toEqual([]);
    });

    it('should read from the start of the log when given no checkpoint', async () => {
      const { events: [appended] } = await store.appendToStreams([{ streamId: streamOf(), expectedVersion: 'any', events: events(1) }]);
      await readLog(store, null, [appended.eventId]);
      const [firstEver] = await store.readAll({ limit: 1 });
      expect(firstEver.globalPosition).toBe(1n);
    });
  });

  describe('concurrent writers', () => {
    it('should not skip the event of a transaction that commits after a later position is visible', async () => {
      if (database.kind === 'pglite') return; // one connection: a second writer waits for the first, so the race cannot happen
      const start = await head(store);
      const seen: StoredEvent[] = [];
      let after = start;
      const poll = async () => {
        const page = await store.readAll({ after });
        seen.push(...page);
        if (page.length > 0) after = checkpointOf(page[page.length - 1]);
      };
      let letACommit!: () => void;
      let aHasWritten!: () => void;
      const aWritten = new Promise<void>((resolve) => (aHasWritten = resolve));
      const appendA = store.appendToStreams([{ streamId: streamOf('a'), expectedVersion: 'any', events: events(1) }], async () => {
        aHasWritten();
        await new Promise<void>((resolve) => (letACommit = resolve));
      });
      await aWritten;
      const b = await store.appendToStreams([{ streamId: streamOf('b'), expectedVersion: 'any', events: events(1) }]);
      await poll();
      letACommit();
      const a = await appendA;
      expect(a.events[0].globalPosition).toBeLessThan(b.events[0].globalPosition);
      seen.push(...(await readLog(store, after, [a.events[0].eventId, b.events[0].eventId])).flat());
      const ids = seen.map((event) => event.eventId);
      expect(ids.filter((id) => id === a.events[0].eventId || id === b.events[0].eventId).sort()).toEqual(
        [a.events[0].eventId, b.events[0].eventId].sort(),
      );
      expect(new Set(ids).size).toBe(ids.length);
      expectStrictlyOrdered(seen);
    });

    it('should let a reader of the whole log see every event once when writers race', async () => {
      const operation = fc.record({
        writer: fc.integer({ min: 0, max: 3 }),
        stream: fc.integer({ min: 0, max: 3 }),
        count: fc.integer({ min: 1, max: 3 }),
        checked: fc.boolean(),
        holdMs: fc.integer({ min: 0, max: 4 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 16 }), async (operations) => {
          const streams = Array.from({ length: 4 }, () => streamOf('race'));
          const start = await head(store);
          const read: StoredEvent[] = [];
          let after = start;
          const writers: { written: string[] | null } = { written: null };
          const deadline = Date.now() + 30_000;
          // Reads while the writers write, and on until it has seen all they wrote: an event
          // becomes readable only once every older transaction has ended.
          const reader = (async () => {
            for (;;) {
              const page = await store.readAll({ after, limit: 7 });
              read.push(...page);
              if (page.length > 0) after = checkpointOf(page[page.length - 1]);
              else if (writers.written?.every((id) => read.some((event) => event.eventId === id))) return;
              else if (Date.now() > deadline) throw new Error('The reader did not see every written event in time');
              else await new Promise((resolve) => setTimeout(resolve, 1));
            }
          })();
          const writing = [0, 1, 2, 3].map(async (writer) => {
            const written: string[] = [];
            for (const op of operations.filter((candidate) => candidate.writer === writer)) {
              const streamId = streams[op.stream];
              // A transaction held open a little lets later positions commit before it; without
              // one, concurrent appends are merged into shared statements.
              const hold = op.holdMs > 0 ? async () => void (await new Promise((resolve) => setTimeout(resolve, op.holdMs))) : undefined;
              for (;;) {
                const expectedVersion = op.checked ? (await store.readStream(streamId)).version : 'any';
                try {
                  const result = await store.appendToStreams([{ streamId, expectedVersion, events: events(op.count) }], hold);
                  written.push(...result.events.map((event) => event.eventId));
                  break;
                } catch (error) {
                  if (!(error instanceof ConcurrencyError)) throw error;
                }
              }
            }
            return written;
          });
          const written = (await Promise.all(writing)).flat();
          writers.written = written;
          await reader;
          const ids = read.map((event) => event.eventId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.filter((id) => written.includes(id)).sort()).toEqual([...written].sort());
          expectStrictlyOrdered(read);
          for (const streamId of streams) {
            const positions = read.filter((event) => event.streamId === streamId).map((event) => event.streamPosition);
            expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, index) => index + 1));
          }
        }),
        { numRuns: database.kind === 'pglite' ? 10 : 25 },
      );
    });
  });

  describe('subscriptions', () => {
    it('should deliver the events before it started, then the live ones, once each and in order', async () => {
      const start = await head(store);
      const streamId = streamOf('subscribed');
      await store.appendToStreams([{ streamId, expectedVersion: 'no_stream', events: events(3) }]);
      const received: StoredEvent[] = [];
      let handling = false;
      let overlapped = false;
      const subscription = store.subscribe(start, async (batch) => {
        overlapped ||= handling;
        handling = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        received.push(...batch);
        handling = false;
      });
      try {
        await waitFor(() => received.filter((event) => event.streamId === streamId).length >= 3);
        await store.appendToStreams([{ streamId, expectedVersion: 3, events: events(1) }]);
        await store.appendToStreams([{ streamId, expectedVersion: 4, events: events(1) }]);
        await waitFor(() => received.filter((event) => event.streamId === streamId).length >= 5);
      } finally {
        await subscription.stop();
      }
      // Events of earlier tests that an older transaction of another client held back may come too.
      expect(received.filter((event) => event.streamId === streamId).map((event) => event.streamPosition)).toEqual([1, 2, 3, 4, 5]);
      expect(overlapped).toBe(false);
      expectStrictlyOrdered(received);
    });

    it('should call the handler no more once stopped', async () => {
      const received: StoredEvent[] = [];
      const subscription = store.subscribe(await head(store), async (batch) => void received.push(...batch));
      await subscription.stop();
      await store.appendToStreams([{ streamId: streamOf(), expectedVersion: 'any', events: events(1) }]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual([]);
    });

    it('should retry a batch whose handler failed, from the same checkpoint', async () => {
      const start = await head(store);
      const streamId = streamOf();
      await store.appendToStreams([{ streamId, expectedVersion: 'any', events: events(2) }]);
      const errors: unknown[] = [];
      const received: StoredEvent[] = [];
      const subscription = store.subscribe(
        start,
        async (batch) => {
          if (errors.length === 0) throw new Error('projection down');
          received.push(...batch);
        },
        { onError: (error) => errors.push(error) },
      );
      try {
        await waitFor(() => received.filter((event) => event.streamId === streamId).length >= 2);
      } finally {
        await subscription.stop();
      }
      expect(errors).toHaveLength(1);
      expect(received.filter((event) => event.streamId === streamId).map((event) => event.streamPosition)).toEqual([1, 2]);
    });
  });
}

async function head(store: EventStore): Promise<LogCheckpoint | null> {
  let after: LogCheckpoint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    if (page.length === 0) return after;
    after = checkpointOf(page[page.length - 1]);
  }
}

function expectStrictlyOrdered(events: readonly StoredEvent[]): void {
  events.slice(1).forEach((event, index) => {
    expect(compareLogCheckpoints(checkpointOf(events[index]), checkpointOf(event))).toBeLessThan(0);
  });
}

// Pages through the log after `after` until every expected event was read (events become
// readable only when every older transaction, of any client of the server, has ended).
async function readLog(store: EventStore, after: LogCheckpoint | null, expected: readonly string[], limit = 1_000): Promise<StoredEvent[][]> {
  const pages: StoredEvent[][] = [];
  const missing = new Set(expected);
  const deadline = Date.now() + 30_000;
  while (missing.size > 0) {
    const page = await store.readAll({ after, limit });
    if (page.length > 0) {
      pages.push(page);
      page.forEach((event) => missing.delete(event.eventId));
      after = checkpointOf(page[page.length - 1]);
    } else if (Date.now() > deadline) {
      throw new Error(`${missing.size} events never became readable`);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return pages;
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the subscription');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
