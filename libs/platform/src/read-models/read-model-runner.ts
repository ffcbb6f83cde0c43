import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Logger } from 'pino';
import { DATABASE, type Database } from '../database/database.port';
import type { StoredEvent } from '../event-store/event-store.port';
import { LOGGER } from '../logging/logger';
import { applyBatchOnce, type ApplyOptions } from '../projections/consumer-checkpoints';
import { parseStoredEvent, TOPICS } from '../transport/topics';
import { TRANSPORT, type Transport, type TransportSubscription } from '../transport/transport.port';
import { READ_MODEL, type ReadModelProjection } from './read-model';

// Feeds every read model from the transport, each in its own consumer group so that each keeps
// its own pace and can be rebuilt alone, one transaction per delivered batch. Every event is
// recorded as applied, including those a read model ignores, so that read-your-writes can tell
// when a stream is caught up.
@Injectable()
export class ReadModelRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscriptions: TransportSubscription[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(TRANSPORT) private readonly transport: Transport,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  readModels(): ReadModelProjection[] {
    return findReadModels(this.discovery);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const readModel of this.readModels()) {
      this.subscriptions.push(
        await this.transport.consume({
          groupId: `dyad.read-model.${readModel.name}`,
          topics: [TOPICS.events],
          handleBatch: (messages) => applyToReadModelOnce(this.database, readModel, messages.map((message) => parseStoredEvent(message.value))),
        }),
      );
      this.logger.info({ readModel: readModel.name }, 'Read model consuming');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.stop()));
  }
}

export function findReadModels(discovery: DiscoveryService): ReadModelProjection[] {
  return discovery
    .getProviders()
    .filter((wrapper) => wrapper.metatype && wrapper.instance && Reflect.getMetadata(READ_MODEL, wrapper.metatype))
    .map((wrapper) => wrapper.instance as ReadModelProjection);
}

// The events that `readModel` has not applied yet, applied and recorded in one transaction; the
// live consumer and a rebuild share it, so that neither applies what the other did.
export async function applyToReadModelOnce(
  database: Database,
  readModel: ReadModelProjection,
  events: readonly StoredEvent[],
  options?: ApplyOptions,
): Promise<void> {
  await applyBatchOnce(
    database,
    readModel.name,
    events,
    async (tx, fresh) => {
      if (readModel.applyBatch) await readModel.applyBatch(tx, fresh);
      else for (const event of fresh) await readModel.apply(tx, event);
    },
    options,
  );
  readModel.committed?.(events);
}
