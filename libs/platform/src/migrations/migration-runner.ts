import type { Database } from '../database/database.port';
import { migrationId, type MigrationSet } from './migration';

// Any constant shared by every Dyad process; it keys the lock that makes concurrent starts wait
// for each other instead of applying the same migration twice.
const MIGRATION_LOCK_KEY = 4_171_937_201;

// Applies the missing migrations of each set, sets in the given order, versions ascending, all in
// one transaction: a start either brings the schema fully up to date or changes nothing.
// Returns the ids it applied.
export async function runMigrations(database: Database, sets: readonly MigrationSet[]): Promise<string[]> {
  const pending = sets.flatMap((set) => ordered(set).map((migration) => ({ id: migrationId(set.context, migration), migration })));
  return database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = await tx.query<{ id: string }>('select id from schema_migrations');
    const applied = new Set(done.rows.map((row) => row.id));
    const ran: string[] = [];
    for (const { id, migration } of pending) {
      if (applied.has(id)) continue;
      await tx.query(migration.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [id]);
      ran.push(id);
    }
    return ran;
  });
}

function ordered(set: MigrationSet) {
  const sorted = [...set.migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (index > 0 && sorted[index - 1].version === migration.version) {
      throw new Error(`Migration set ${set.context} has two migrations numbered ${migration.version}`);
    }
  });
  return sorted;
}
