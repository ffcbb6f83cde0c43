// A context's migrations: numbered SQL, applied once each, in order. Kept as TypeScript modules
// that export the SQL so they ship in the compiled build with nothing to copy.
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationSet {
  // The owning context, e.g. 'platform' or 'relations'; part of each recorded id.
  readonly context: string;
  readonly migrations: readonly Migration[];
}

export function migrationId(context: string, migration: Migration): string {
  return `${context}/${String(migration.version).padStart(4, '0')}_${migration.name}`;
}
