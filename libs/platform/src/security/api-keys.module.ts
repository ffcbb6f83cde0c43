import { Module } from '@nestjs/common';
import { DYAD_CONFIG, type DyadConfig } from '../config/config.schema';
import { API_KEYS } from './api-key.guard';
import { type ApiKey, parseApiKeys } from './api-keys';

// The keys of DYAD_API_KEYS (validated with the rest of the configuration), parsed once.
@Module({
  providers: [
    {
      provide: API_KEYS,
      inject: [DYAD_CONFIG],
      useFactory: (config: DyadConfig): ApiKey[] => (config.DYAD_API_KEYS ? parseApiKeys(config.DYAD_API_KEYS) : []),
    },
  ],
  exports: [API_KEYS],
})
export class ApiKeysModule {}
