import { PostgresDatabase } from '@dyad/platform';
import { describePostgres } from '@dyad/platform/testing/database-harness';
import { eventStoreContract } from './event-store.contract';

describePostgres('EventStore contract [postgres]', (database) => {
  eventStoreContract(() => PostgresDatabase.connect(database().url));
});
