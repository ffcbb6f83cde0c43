import { openPgliteTestDatabase } from '@dyad/platform/testing/database-harness';
import { eventStoreContract } from './event-store.contract';

describe('EventStore contract [pglite]', () => {
  eventStoreContract(() => openPgliteTestDatabase());
});
