import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Logger } from 'pino';
import { DATABASE, type Database } from '../database/database.port';
import { LOGGER } from '../logging/logger';
import { idempotentEventHandler } from '../projections/idempotent-event-handler';
import { TOPICS } from '../transport/topics';
import { TRANSPORT, type Transport, type TransportSubscription } from '../transport/transport.port';
import { READ_MODEL, type ReadModelProjection } from './read-model';

// Feeds every read model from the transport, each in its own consumer group so that each keeps
// its own pace and can be rebuilt alone. Every event is recorded as applied, including those a
// read model ignores, so that read-your-writes can tell when a stream is caught up.
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
          handle: idempotentEventHandler(this.database, readModel.name, (event, tx) => readModel.apply(tx, event)),
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
