import { randomUUID } from 'node:crypto';
import {
  applyOnce,
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
  const tally = (consumer: string, event: StoredEvent) =>
    applyOnce(database, consumer, event, async (tx) => {
      await tx.query('insert into test_tallies (consumer, event_id) values ($1, $2)', [consumer, event.eventId]);
    });
  const tallied = async (consumer: string) =>
    (await database.query<{ n: number }>('select count(*)::int as n from test_tallies where consumer = $1', [consumer])).rows[0].n;

  it('should apply an event once when it is delivered again', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [first, second] = await appended(2);

    const outcomes = [await tally(consumer, first), await tally(consumer, second), await tally(consumer, first), await tally(consumer, second)];

    expect(outcomes).toEqual([true, true, false, false]);
    expect(await tallied(consumer)).toBe(2);
  });

  it('should record nothing when the effect fails, so that the next delivery applies it', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [event] = await appended(1);

    const failed = applyOnce(database, consumer, event, async (tx) => {
      await tx.query('insert into test_tallies (consumer, event_id) values ($1, $2)', [consumer, event.eventId]);
      throw new Error('projection failed');
    });

    await expect(failed).rejects.toThrow('projection failed');
    expect(await tallied(consumer)).toBe(0);
    expect(await tally(consumer, event)).toBe(true);
    expect(await tallied(consumer)).toBe(1);
  });

  it('should apply an event once when several members receive it at the same time', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [event] = await appended(1);

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => tally(consumer, event)));

    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await tallied(consumer)).toBe(1);
  });

  it('should tell whether a consumer has applied a stream up to a checkpoint', async () => {
    const consumer = `projection-${randomUUID()}`;
    const [first, second] = await appended(2);
    const upToSecond = checkpointOf(second);

    const before = await hasApplied(database, consumer, second.streamId, upToSecond);
    await tally(consumer, first);
    const halfway = await hasApplied(database, consumer, second.streamId, upToSecond);
    await tally(consumer, second);
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
