import { createLogger, loadConfig, PlatformModule, type DyadConfig } from '@dyad/platform';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { ApiModule } from '../../api/src/api.module';
import { dyadMigrations } from '../../worker/src/dyad-migrations';
import { ReadModelsModule, WorkerModule } from '../../worker/src/worker.module';

export interface Runtime {
  readonly app: INestApplicationContext;
  readonly config: DyadConfig;
  readonly logger: Logger;
}

export interface RuntimeOptions {
  // Overrides of the environment, e.g. an in-memory store for `dyad eval`.
  readonly env?: Record<string, string | undefined>;
  // 'worker': the relay and the read models fed live too; 'read-models': the read models alone,
  // to be replayed. Neither for one-shot writes: the log is the outbox, and a running worker
  // (or the next `dyad serve`) publishes what was written.
  readonly with?: 'worker' | 'read-models';
}

// Dyad's application in this process, without HTTP.
export async function startRuntime({ env = {}, with: extra }: RuntimeOptions): Promise<Runtime> {
  const config = loadConfig({ ...process.env, ...env });
  // A command-line tool keeps its terminal for its own output.
  const logger = createLogger(env.LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'warn');

  @Module({
    imports: [
      PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: false }),
      ApiModule,
      ...(extra === 'worker' ? [WorkerModule] : extra === 'read-models' ? [ReadModelsModule] : []),
    ],
  })
  class CliRoot {}

  const app = await NestFactory.createApplicationContext(CliRoot, { logger: false, abortOnError: false });
  return { app, config, logger };
}
