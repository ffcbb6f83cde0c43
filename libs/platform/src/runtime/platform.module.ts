import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DYAD_CONFIG, type DyadConfig } from '../config/config.schema';
import { DATABASE, type Database } from '../database/database.port';
import { openDatabase } from '../database/open-database';
import { EVENT_STORE } from '../event-store/event-store.port';
import { SqlEventStore } from '../event-store/sql-event-store';
import { streamCachingEventStore } from '../event-store/stream-caching-event-store';
import { HealthController } from '../http/health.controller';
import { LOGGER } from '../logging/logger';
import { DyadMetrics } from '../metrics/dyad-metrics';
import { instrumentedEventStore } from '../metrics/instrumented-event-store';
import { registerLogLagMetrics } from '../metrics/log-lag.metrics';
import { MetricsController } from '../metrics/metrics.controller';
import type { MigrationSet } from '../migrations/migration';
import { runMigrations } from '../migrations/migration-runner';
import { platformMigrations } from '../migrations/platform.migrations';
import { SecurityModule } from '../security/security.module';
import { InProcessTransport } from '../transport/in-process-transport.adapter';
import { KafkaTransport } from '../transport/kafka-transport.adapter';
import { TRANSPORT, type Transport } from '../transport/transport.port';

export interface PlatformOptions {
  // Validated at start by the app (`loadConfig`), before anything is opened.
  readonly config: DyadConfig;
  readonly logger: Logger;
  // Every context's read-model tables, applied after the log's own.
  readonly migrations: readonly MigrationSet[];
  // Only the API serves /health.
  readonly http: boolean;
}

// The store and the transport of the running mode: PostgreSQL and Kafka when configured,
// PGlite and the in-process hand-off otherwise.
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      // HTTP routes behind API keys and rate limits (SecurityModule's global guards).
      imports: options.http ? [SecurityModule] : [],
      controllers: options.http ? [HealthController, MetricsController] : [],
      providers: [
        { provide: DYAD_CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        {
          provide: DATABASE,
          inject: [DYAD_CONFIG],
          useFactory: async (config: DyadConfig) => {
            const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DYAD_DATA_DIR });
            await runMigrations(database, [platformMigrations, ...options.migrations]);
            return database;
          },
        },
        {
          provide: DyadMetrics,
          inject: [DATABASE],
          useFactory: (database: Database) => {
            const metrics = new DyadMetrics();
            registerLogLagMetrics(metrics, database);
            return metrics;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [DATABASE, DyadMetrics, DYAD_CONFIG],
          useFactory: (database: Database, metrics: DyadMetrics, config: DyadConfig) =>
            instrumentedEventStore(
              streamCachingEventStore(new SqlEventStore(database), { maxEvents: config.DYAD_STREAM_CACHE_EVENTS }),
              metrics,
            ),
        },
        {
          provide: TRANSPORT,
          inject: [DYAD_CONFIG],
          useFactory: (config: DyadConfig): Promise<Transport> | Transport =>
            config.KAFKA_BROKERS
              ? KafkaTransport.connect({
                  brokers: config.KAFKA_BROKERS,
                  clientId: config.KAFKA_CLIENT_ID,
                  namespace: config.KAFKA_NAMESPACE,
                  logger: options.logger,
                })
              : new InProcessTransport(),
        },
        PlatformShutdown,
      ],
      exports: [DYAD_CONFIG, LOGGER, DATABASE, EVENT_STORE, TRANSPORT, DyadMetrics],
    };
  }
}

// Pools and connections close last: consumers and the relay stop in `beforeApplicationShutdown`,
// which Nest runs for every module before any `onApplicationShutdown`.
@Injectable()
class PlatformShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(TRANSPORT) private readonly transport: Transport,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
    await this.database.close();
  }
}
