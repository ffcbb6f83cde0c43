import 'reflect-metadata';
import { createLogger, DyadMetrics, loadConfig, PinoNestLogger, PlatformModule, runMain, startMetricsServer } from '@dyad/platform';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { dyadMigrations } from './dyad-migrations';
import { WorkerModule } from './worker.module';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  @Module({ imports: [PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: false }), WorkerModule] })
  class WorkerRoot {}

  const app = await NestFactory.createApplicationContext(WorkerRoot, { logger: new PinoNestLogger(logger), abortOnError: false });
  app.enableShutdownHooks();
  if (config.DYAD_METRICS_PORT) await startMetricsServer(app.get(DyadMetrics), config.HOST, config.DYAD_METRICS_PORT);
  logger.info('Dyad worker running');
});
