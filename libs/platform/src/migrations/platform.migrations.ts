import { eventLogMigration } from './0001-event-log.migration';
import { relayCheckpointsMigration } from './0002-relay-checkpoints.migration';
import { consumerCheckpointsMigration } from './0003-consumer-checkpoints.migration';
import type { MigrationSet } from './migration';

export const platformMigrations: MigrationSet = {
  context: 'platform',
  migrations: [eventLogMigration, relayCheckpointsMigration, consumerCheckpointsMigration],
};
