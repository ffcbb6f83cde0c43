import 'reflect-metadata';
import { createLogger, loadConfig, PlatformModule, runMain, startHttpServer } from '@dyad/platform';
import { Module } from '@nestjs/common';
import { dyadMigrations } from '../../worker/src/dyad-migrations';
import { ApiModule } from './api.module';
import { API_STATUSES } from './api-statuses';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  @Module({ imports: [PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: true }), ApiModule] })
  class ApiRoot {}

  await startHttpServer(ApiRoot, { config, logger, statuses: API_STATUSES });
});
