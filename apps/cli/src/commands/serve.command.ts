import { createLogger, loadConfig, PlatformModule, startHttpServer } from '@dyad/platform';
import { Module } from '@nestjs/common';
import { ApiModule } from '../../../api/src/api.module';
import { API_STATUSES } from '../../../api/src/api-statuses';
import { dyadMigrations } from '../../../worker/src/dyad-migrations';
import { WorkerModule } from '../../../worker/src/worker.module';

// API and worker in one process: the embedded default (PGlite, in-process transport), or the
// server mode's two roles together when DATABASE_URL and KAFKA_BROKERS are set.
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  @Module({
    imports: [PlatformModule.forRoot({ config, logger, migrations: dyadMigrations, http: true }), ApiModule, WorkerModule],
  })
  class ServeRoot {}

  await startHttpServer(ServeRoot, { config, logger, statuses: API_STATUSES });
}
