import { randomUUID } from 'node:crypto';
import { handleCommand, platformMigrations, runMigrations, SqlEventStore, type Database, type EventStore } from '@dyad/platform';
import { openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';

describe('handleCommand', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openPgliteTestDatabase();
    await runMigrations(database, [platformMigrations]);
  }, 60_000);

  afterAll(() => database?.close());

  // Counts each decision, and appends one event to every stream it was given.
  const command = (store: EventStore, streamIds: string[], decisions: string[]) =>
    handleCommand(store, streamIds, (streams) => {
      decisions.push(streamIds.map((id) => `${id}@${streams.get(id)?.version ?? 0}`).join(' '));
      return { appends: streamIds.map((streamId) => ({ streamId, events: [{ type: 'Tested', data: {} }] })), result: () => undefined };
    });

  it('should let commands of one store on the same stream take turns, each deciding once', async () => {
    const store = new SqlEventStore(database);
    const streamId = `turns-${randomUUID()}`;
    const decisions: string[] = [];
    await Promise.all(Array.from({ length: 8 }, () => command(store, [streamId], decisions)));

    expect(decisions).toEqual(Array.from({ length: 8 }, (_, index) => `${streamId}@${index}`));
    expect((await store.readStream(streamId)).version).toBe(8);
  });

  it('should not deadlock commands that name shared streams in different orders', async () => {
    const store = new SqlEventStore(database);
    const [a, b] = [`turns-a-${randomUUID()}`, `turns-b-${randomUUID()}`];
    const decisions: string[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, index) => command(store, index % 2 ? [a, b] : [b, a], decisions)));

    expect(decisions).toHaveLength(6);
    expect((await store.readStream(a)).version).toBe(6);
    expect((await store.readStream(b)).version).toBe(6);
  });

  it('should still retry a command when a writer through another store got ahead of it', async () => {
    const [mine, theirs] = [new SqlEventStore(database), new SqlEventStore(database)];
    const streamId = `race-${randomUUID()}`;
    const decisions: string[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, index) => command(index % 2 ? mine : theirs, [streamId], decisions)));

    expect((await mine.readStream(streamId)).version).toBe(6);
    expect(decisions.length).toBeGreaterThanOrEqual(6);
  });
});
