import type { Database, SqlExecutor } from '../database/database.port';
import type { StoredEvent } from '../event-store/event-store.port';
import { parseStoredEvent } from '../transport/topics';
import type { TransportMessage } from '../transport/transport.port';
import { applyOnce } from './consumer-checkpoints';

// The thin adapter between a dyad.events.v1 consumer and a projection: parse, then apply once.
//   transport.consume({ groupId: 'relationship-view', topics: [TOPICS.events],
//                       handle: idempotentEventHandler(database, 'relationship-view', project) })
export function idempotentEventHandler(
  database: Database,
  consumer: string,
  project: (event: StoredEvent, tx: SqlExecutor) => Promise<void>,
): (message: TransportMessage) => Promise<void> {
  return async (message) => {
    const event = parseStoredEvent(message.value);
    await applyOnce(database, consumer, event, (tx) => project(event, tx));
  };
}
