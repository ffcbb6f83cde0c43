import 'reflect-metadata';
import { createLogger, loadConfig, PinoNestLogger, PlatformModule, runMain } from '@dyad/platform';
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
  logger.info('Dyad worker running');
});
