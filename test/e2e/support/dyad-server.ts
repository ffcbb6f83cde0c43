import { createLogger, loadConfig, PlatformModule, startHttpServer } from '@dyad/platform';
import { type INestApplication, Module } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ApiModule } from '../../../apps/api/src/api.module';
import { API_STATUSES } from '../../../apps/api/src/api-statuses';
import { dyadMigrations } from '../../../apps/worker/src/dyad-migrations';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

export interface DyadServer {
  readonly app: INestApplication;
  readonly baseUrl: string;
  close(): Promise<void>;
}

// Dyad as `dyad serve` runs it, on an ephemeral loopback port. Embedded and in memory unless
// `env` names a database and brokers.
export async function startDyadServer(env: Record<string, string> = {}): Promise<DyadServer> {
  const config = loadConfig({
    DYAD_DATA_DIR: 'memory://',
    DATABASE_URL: '',
    KAFKA_BROKERS: '',
    LOG_LEVEL: 'silent',
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const logger = createLogger(config.LOG_LEVEL);

  @Module({ imports: [PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: true }), ApiModule, WorkerModule] })
  class TestRoot {}

  const app = await startHttpServer(TestRoot, { config, logger, statuses: API_STATUSES });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
