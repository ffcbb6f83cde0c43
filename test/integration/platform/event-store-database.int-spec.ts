import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DatabaseUnavailableError,
  migrationId,
  openDatabase,
  PgliteDatabase,
  platformMigrations,
  PostgresDatabase,
  runMigrations,
  SqlEventStore,
  type Database,
  type MigrationSet,
} from '@dyad/platform';
import { describePostgres, openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';

// What the event store takes for granted from both Database adapters and the migration runner.
function databaseContract(open: () => Promise<Database>): void {
  let database: Database;

  beforeAll(async () => {
    database = await open();
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it('should return int8 and xid8 as bigint and jsonb parsed when reading values', async () => {
    const { rows } = await database.query<{ big: bigint; tx: bigint; doc: unknown; n: number }>(
      "select 9007199254740993::int8 as big, pg_current_xact_id() as tx, '{\"a\":[1]}'::jsonb as doc, 7::int4 as n",
    );
    expect(rows[0]).toEqual({ big: 9_007_199_254_740_993n, tx: expect.any(BigInt), doc: { a: [1] }, n: 7 });
  });

  it('should roll back everything when the work of a transaction throws', async () => {
    await database.query('create table if not exists probe_rollback (id int)');
    await expect(
      database.transaction(async (tx) => {
        await tx.query('insert into probe_rollback values ($1)', [1]);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await database.query('select * from probe_rollback')).rows).toEqual([]);
  });

  it('should never interleave two transactions when both run at once', async () => {
    await database.query('create table if not exists probe_turns (writer int, step int)');
    const writer = (id: number) =>
      database.transaction(async (tx) => {
        for (let step = 0; step < 3; step += 1) {
          await tx.query('insert into probe_turns values ($1, $2)', [id, step]);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        // Each transaction sees its own three rows and no uncommitted row of the other.
        const { rows } = await tx.query<{ count: bigint }>('select count(*) as count from probe_turns where writer = $1', [id]);
        return rows[0].count;
      });
    expect(await Promise.all([writer(1), writer(2)])).toEqual([3n, 3n]);
  });

  it('should deliver a NOTIFY to a listener until it stops listening', async () => {
    const payloads: string[] = [];
    const stop = await database.listen('probe_channel', (payload) => payloads.push(payload));
    await database.query("select pg_notify('probe_channel', 'one')");
    await waitFor(() => payloads.length === 1);
    await stop();
    await database.query("select pg_notify('probe_channel', 'two')");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(payloads).toEqual(['one']);
  });

  describe('migrations', () => {
    const sample = (context: string, sql: string): MigrationSet => ({ context, migrations: [{ version: 1, name: 'probe', sql }] });

    it('should apply each migration once, in order, and record it when run again', async () => {
      const first = await runMigrations(database, [platformMigrations, sample('probe_a', 'create table probe_a (id int)')]);
      const platform = platformMigrations.migrations.map((migration) => migrationId('platform', migration));
      expect(first).toEqual([...platform, 'probe_a/0001_probe']);
      expect(first[0]).toBe('platform/0001_event_log');
      expect(await runMigrations(database, [platformMigrations, sample('probe_a', 'create table probe_a (id int)')])).toEqual([]);
      const { rows } = await database.query<{ id: string }>("select id from schema_migrations where id like 'probe_a/%'");
      expect(rows).toEqual([{ id: 'probe_a/0001_probe' }]);
    });

    it('should apply nothing of a start when one migration fails', async () => {
      const attempt = runMigrations(database, [
        sample('probe_b', 'create table probe_b (id int)'),
        sample('probe_c', 'create table probe_c (id no_such_type)'),
      ]);
      await expect(attempt).rejects.toThrow();
      const { rows } = await database.query("select 1 from schema_migrations where id like 'probe_b/%'");
      expect(rows).toEqual([]);
      expect((await database.query("select to_regclass('probe_b') as t")).rows[0]).toEqual({ t: null });
    });

    it('should refuse two migrations with one number in a set', async () => {
      const set: MigrationSet = {
        context: 'probe_d',
        migrations: [
          { version: 1, name: 'x', sql: 'select 1' },
          { version: 1, name: 'y', sql: 'select 1' },
        ],
      };
      await expect(runMigrations(database, [set])).rejects.toThrow('probe_d has two migrations numbered 1');
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Database adapter [pglite]', () => {
  databaseContract(() => openPgliteTestDatabase());

  it('should keep the log in its data folder across a restart', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dyad-pglite-'));
    try {
      const first = await openDatabase({ dataDir: folder });
      expect(first.kind).toBe('pglite');
      await runMigrations(first, [platformMigrations]);
      await new SqlEventStore(first).appendToStreams([{ streamId: 'article-1', expectedVersion: 'no_stream', events: [{ type: 'Kept', data: {} }] }]);
      await first.close();
      const second = await PgliteDatabase.open(folder);
      expect(await runMigrations(second, [platformMigrations])).toEqual([]);
      expect((await new SqlEventStore(second).readStream('article-1')).version).toBe(1);
      await second.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describePostgres('Database adapter [postgres]', (target) => {
  databaseContract(() => PostgresDatabase.connect(target().url));

  it('should let concurrent starts migrate the same database once', async () => {
    const starts = await Promise.all([0, 1, 2].map(() => PostgresDatabase.connect(target().url)));
    try {
      const set: MigrationSet = { context: 'probe_race', migrations: [{ version: 1, name: 'once', sql: 'create table probe_race (id int)' }] };
      const applied = await Promise.all(starts.map((database) => runMigrations(database, [set])));
      expect(applied.flat()).toEqual(['probe_race/0001_once']);
    } finally {
      await Promise.all(starts.map((database) => database.close()));
    }
  }, 30_000);
});

describe('Database adapter [postgres] connection errors', () => {
  it('should say in one line that the server cannot be reached when nothing listens', async () => {
    const attempt = openDatabase({ databaseUrl: 'postgres://dyad:secret@127.0.0.1:5999/dyad' });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/^Cannot reach PostgreSQL at 127\.0\.0\.1:5999\/dyad: connection refused$/);
  });
});
