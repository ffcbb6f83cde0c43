import { PostgresDatabase } from '@dyad/platform/database/postgres-database.adapter';
import { checkpointOf } from '@dyad/platform/event-store/log-checkpoint';
import type { LogCheckpoint } from '@dyad/platform/event-store/event-store.port';
import { SqlEventStore } from '@dyad/platform/event-store/sql-event-store';
import { runMigrations } from '@dyad/platform/migrations/migration-runner';
import { platformMigrations } from '@dyad/platform/migrations/platform.migrations';
import type { ContenderFactory } from './contender';
import { WRITERS } from './workload';

export const READ_PAGE = 1_000;

export const dyadContender: ContenderFactory = {
  name: 'dyad',
  description: `SqlEventStore.appendToStreams; readAll pages of ${READ_PAGE}`,
  async open(url) {
    const database = await PostgresDatabase.connect(url, { poolSize: WRITERS + 1 });
    await runMigrations(database, [platformMigrations]);
    const store = new SqlEventStore(database);
    return {
      append: async (batch) => {
        await store.appendToStreams([{ streamId: batch.streamId, expectedVersion: batch.expectedVersion, events: batch.events }]);
      },
      readAll: async () => {
        let after: LogCheckpoint | null = null;
        let count = 0;
        for (;;) {
          const page = await store.readAll({ after, limit: READ_PAGE });
          if (page.length === 0) return count;
          count += page.length;
          after = checkpointOf(page[page.length - 1]);
        }
      },
      close: () => database.close(),
    };
  },
};
