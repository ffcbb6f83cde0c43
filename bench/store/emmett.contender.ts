import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import type { ContenderFactory } from './contender';
import { READ_PAGE } from './dyad.contender';

// Emmett's own way to read the whole log is the batch puller of its consumers:
// `readMessagesBatch` after the last global position, pages of the same size as Dyad's.
export const emmettContender: ContenderFactory = {
  name: 'emmett',
  description: `getPostgreSQLEventStore().appendToStream with expectedStreamVersion; readMessagesBatch pages of ${READ_PAGE}`,
  async open(url) {
    const store = getPostgreSQLEventStore(url);
    await store.schema.migrate();
    const reader = dumbo({ connectionString: url });
    return {
      append: async (batch) => {
        await store.appendToStream(
          batch.streamId,
          batch.events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })),
          { expectedStreamVersion: BigInt(batch.expectedVersion) },
        );
      },
      readAll: async () => {
        let after = 0n;
        let count = 0;
        for (;;) {
          const { messages, currentGlobalPosition } = await readMessagesBatch(reader.execute, { after, batchSize: READ_PAGE });
          if (messages.length === 0) return count;
          count += messages.length;
          after = currentGlobalPosition;
        }
      },
      close: async () => {
        await reader.close();
        await store.close();
      },
    };
  },
};
