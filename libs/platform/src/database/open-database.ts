import type { Database } from './database.port';
import { PgliteDatabase } from './pglite-database.adapter';
import { PostgresDatabase } from './postgres-database.adapter';

export interface OpenDatabaseOptions {
  // Server mode when set.
  readonly databaseUrl?: string;
  // Embedded mode: the PGlite data folder; undefined keeps the store in memory.
  readonly dataDir?: string;
  readonly poolSize?: number;
}

export function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? PostgresDatabase.connect(options.databaseUrl, { poolSize: options.poolSize })
    : PgliteDatabase.open(options.dataDir);
}
