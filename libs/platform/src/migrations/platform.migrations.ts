import { eventLogMigration } from './0001-event-log.migration';
import { relayCheckpointsMigration } from './0002-relay-checkpoints.migration';
import { consumerCheckpointsMigration } from './0003-consumer-checkpoints.migration';
import { eventLogJsonMigration } from './0004-event-log-json.migration';
import type { MigrationSet } from './migration';

export const platformMigrations: MigrationSet = {
  context: 'platform',
  migrations: [eventLogMigration, relayCheckpointsMigration, consumerCheckpointsMigration, eventLogJsonMigration],
};
