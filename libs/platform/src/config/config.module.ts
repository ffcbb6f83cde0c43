import { Global, Module } from '@nestjs/common';
import { DYAD_CONFIG, loadConfig } from './config.schema';

@Global()
@Module({
  providers: [{ provide: DYAD_CONFIG, useFactory: () => loadConfig() }],
  exports: [DYAD_CONFIG],
})
export class ConfigModule {}
