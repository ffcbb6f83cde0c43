import { createLogger, loadConfig, PlatformModule, startHttpServer } from '@dyad/platform';
import { type INestApplication, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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

// Dyad as `dyad serve` runs it (`worker: true`) or as `apps/api` does, on an ephemeral loopback
// port. Embedded and in memory unless `env` names a database and brokers.
export async function startDyadServer(env: Record<string, string> = {}, { worker = true } = {}): Promise<DyadServer> {
  const config = testConfig(env);
  const logger = createLogger(config.LOG_LEVEL);

  @Module({
    imports: [PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: true }), ApiModule, ...(worker ? [WorkerModule] : [])],
  })
  class TestRoot {}

  const app = await startHttpServer(TestRoot, { config, logger, statuses: API_STATUSES });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

// A worker process as `apps/worker` runs it.
export async function startDyadWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const config = testConfig(env);
  const logger = createLogger(config.LOG_LEVEL);

  @Module({ imports: [PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: false }), WorkerModule] })
  class WorkerRoot {}

  const app = await NestFactory.createApplicationContext(WorkerRoot, { logger: false, abortOnError: false });
  await app.init();
  return app;
}

function testConfig(env: Record<string, string>) {
  return loadConfig({
    DYAD_DATA_DIR: 'memory://',
    DATABASE_URL: '',
    KAFKA_BROKERS: '',
    LOG_LEVEL: 'silent',
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
  });
}
