import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DATABASE, type Database } from '../database/database.port';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { LOGGER } from '../logging/logger';
import { OutboxRelay } from '../relay/outbox-relay';
import { TRANSPORT, type Transport } from '../transport/transport.port';

// The relay's life follows the process: publishing from start (or standing by while another
// process holds the lease), stopped (before shutdown, so before the transport and the pool close).
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DATABASE) database: Database,
    @Inject(TRANSPORT) transport: Transport,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.relay = new OutboxRelay(store, database, transport, { logger });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
