import { eventLogMigration } from './0001-event-log.migration';
import type { MigrationSet } from './migration';

export const platformMigrations: MigrationSet = {
  context: 'platform',
  migrations: [eventLogMigration],
};
