import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  applyBatchOnce,
  checkpointOf,
  hasApplied,
  PgliteDatabase,
  platformMigrations,
  PostgresDatabase,
  runMigrations,
  SqlEventStore,
  type Database,
  type StoredEvent,
} from '@dyad/platform';
import { describePostgres } from '@dyad/platform/testing/database-harness';

// jest applies only the global testTimeout, not the integration project's: set it here.
jest.setTimeout(60_000);

function consumerCheckpointsContract(open: () => Promise<Database>): void {
  let database: Database;
  let store: SqlEventStore;

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations]);
    await database.query('create table if not exists test_tallies (consumer text not null, event_id uuid not null)');
    store = new SqlEventStore(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const appended = async (count: number): Promise<readonly StoredEvent[]> => {
    const streamId = `relationship-${randomUUID()}`;
    const result = await store.appendToStreams([
      { streamId, expectedVersion: 'no_stream', events: Array.from({ length: count }, (_, n) => ({ type: 'Tested', data: { n } })) },
    ]);
    return result.events;
  };
  // Leaves one row per event applied; `holdMs` keeps the transaction open, so that concurrent
  // batches reach their claim while this one has not committed yet.
  const tally = (consumer: string, events: readonly StoredEvent[], holdMs = 0) =>
    applyBatchOnce(database, consumer, events, async (tx, fresh) => {
      for (const event of fresh) await tx.query('insert into test_tallies (consumer, event_id) values ($1, $2)', [consumer, event.eventId]);
      await sleep(holdMs);
    });
  const tallied = async (consumer: string) =>
    (
      await database.query<{ n: number; twice: number }>(
        `select count(*)::int as n,
                (select count(*)::int from (select 1 from test_tallies where consumer = $1 group by event_id having count(*) > 1) d) as twice
         from test_tallies where consumer = $1`,
        [consumer],
      )
    ).rows[0];
  const ids = (events: readonly StoredEvent[]) => events.map((event) => event.eventId);

  it('should apply only the events not applied before when a batch is delivered again', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [first, second, third] = await appended(3);
    const [other] = await appended(1);

    const outcomes = [
      await tally(consumer, [first, second]),
      await tally(consumer, [first, second, other, third]),
      await tally(consumer, [first, second, other, third]),
      await tally(consumer, [second]),
    ];

    expect(outcomes.map(ids)).toEqual([ids([first, second]), ids([other, third]), [], []]);
    expect(await tallied(consumer)).toEqual({ n: 4, twice: 0 });
  });

  it('should commit without waiting for the disk only when asked, and leave the next transaction waiting again', async () => {
    const consumer = `projection-${randomUUID()}`;
    const settingIn = async (options?: { awaitDisk: boolean }) => {
      let setting = '';
      await applyBatchOnce(
        database,
        consumer,
        await appended(1),
        async (tx) => {
          setting = (await tx.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0].synchronous_commit;
        },
        options,
      );
      return setting;
    };

    expect([await settingIn(), await settingIn({ awaitDisk: false }), await settingIn()]).toEqual(['on', 'off', 'on']);
  });

  it('should record nothing when the effect fails, so that the next delivery applies the batch', async () => {
    const consumer = `projection-${randomUUID()}`;
    const events = await appended(2);

    const failed = applyBatchOnce(database, consumer, events, async (tx) => {
      await tx.query('insert into test_tallies (consumer, event_id) values ($1, $2)', [consumer, events[0].eventId]);
      throw new Error('projection failed');
    });

    await expect(failed).rejects.toThrow('projection failed');
    expect(await tallied(consumer)).toEqual({ n: 0, twice: 0 });
    expect(ids(await tally(consumer, events))).toEqual(ids(events));
    expect(await tallied(consumer)).toEqual({ n: 2, twice: 0 });
  });

  it('should apply each event once when several members receive the same new streams at the same time', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [one, two] = [await appended(3), await appended(3)];

    // Neither stream has a checkpoint yet, and the batches name them in both orders.
    const outcomes = await Promise.all([
      ...Array.from({ length: 3 }, () => tally(consumer, [...one, ...two], 50)),
      ...Array.from({ length: 3 }, () => tally(consumer, [...two, ...one], 50)),
      tally(consumer, two.slice(1), 50),
    ]);

    expect(ids(outcomes.flat()).sort()).toEqual(ids([...one, ...two]).sort());
    expect(await tallied(consumer)).toEqual({ n: 6, twice: 0 });
  });

  it('should apply each event once when several members receive the same batch of known streams at the same time', async () => {
    const consumer = `projection-${randomUUID()}`;
    const events = await appended(4);
    await tally(consumer, events.slice(0, 1));

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => tally(consumer, events, 50)));

    expect(ids(outcomes.flat()).sort()).toEqual(ids(events.slice(1)).sort());
    expect(await tallied(consumer)).toEqual({ n: 4, twice: 0 });
  });

  it('should tell whether a consumer has applied a stream up to a checkpoint, including events it ignored', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [first, second] = await appended(2);
    const upToSecond = checkpointOf(second);
    const ignore = async () => undefined;

    const before = await hasApplied(database, consumer, second.streamId, upToSecond);
    await applyBatchOnce(database, consumer, [first], ignore);
    const halfway = await hasApplied(database, consumer, second.streamId, upToSecond);
    await applyBatchOnce(database, consumer, [second], ignore);
    const after = await hasApplied(database, consumer, second.streamId, upToSecond);

    expect([before, halfway, after]).toEqual([false, false, true]);
    expect(await hasApplied(database, `other-${randomUUID()}`, second.streamId, upToSecond)).toBe(false);
  });
}

describe('Consumer checkpoints [pglite]', () => {
  consumerCheckpointsContract(() => PgliteDatabase.open());
});

describePostgres('Consumer checkpoints [postgres]', (database) => {
  consumerCheckpointsContract(() => PostgresDatabase.connect(database().url));
});
