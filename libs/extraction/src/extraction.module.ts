import { DYAD_CONFIG, type DyadConfig, LOGGER } from '@dyad/platform';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ALIAS_TABLE } from './application/alias-table.token';
import { EXTRACTOR } from './application/extractor.port';
import { AliasTable } from './domain/actors/alias-table';
import { KNOWN_ACTORS } from './domain/actors/known-actors.data';
import { createExtractor } from './infrastructure/create-extractor';

// Binds the extractor the configuration chooses (DYAD_EXTRACTOR: rules by default, or llm).
@Module({
  providers: [
    { provide: ALIAS_TABLE, useFactory: () => new AliasTable(KNOWN_ACTORS) },
    {
      provide: EXTRACTOR,
      inject: [DYAD_CONFIG, LOGGER, ALIAS_TABLE],
      useFactory: (config: DyadConfig, logger: Logger, aliases: AliasTable) =>
        createExtractor(config, aliases, (reason) => logger.warn({ reason }, 'LLM extractor failed; facts come from the rules')),
    },
  ],
  exports: [EXTRACTOR, ALIAS_TABLE],
})
export class ExtractionModule {}
