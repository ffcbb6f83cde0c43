import { DYAD_CONFIG, LOGGER, type DyadConfig } from '@dyad/platform';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { EXTRACTOR, type Extractor } from './application/extractor.port';
import { createExtractor } from './infrastructure/create-extractor';

// The extractor of this deployment: the rules by default, an LLM endpoint when configured (with
// the rules as its fallback).
@Module({
  providers: [
    {
      provide: EXTRACTOR,
      inject: [DYAD_CONFIG, LOGGER],
      useFactory: (config: DyadConfig, logger: Logger): Extractor =>
        createExtractor(config, undefined, (reason) => logger.warn({ reason }, 'LLM extraction failed; the rules answered')),
    },
  ],
  exports: [EXTRACTOR],
})
export class ExtractionModule {}
