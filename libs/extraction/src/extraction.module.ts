import { DYAD_CONFIG, type DyadConfig, LOGGER } from '@dyad/platform';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AliasesController } from './api/aliases.controller';
import { AliasBook } from './application/alias-book';
import { AliasSyncingExtractor } from './application/alias-syncing-extractor';
import { ALIAS_TABLE } from './application/alias-table.token';
import { AddAliasHandler } from './application/commands/add-alias/add-alias.handler';
import { EXTRACTOR } from './application/extractor.port';
import { AliasTable } from './domain/actors/alias-table';
import { KNOWN_ACTORS } from './domain/actors/known-actors.data';
import { createExtractor } from './infrastructure/create-extractor';

// Binds the extractor the configuration chooses (DYAD_EXTRACTOR: rules by default, or llm),
// reading with the built-in office holders plus every alias an analyst added to the log.
@Module({
  controllers: [AliasesController],
  providers: [
    { provide: ALIAS_TABLE, useFactory: () => new AliasTable(KNOWN_ACTORS) },
    AliasBook,
    AddAliasHandler,
    {
      provide: EXTRACTOR,
      inject: [DYAD_CONFIG, LOGGER, ALIAS_TABLE, AliasBook],
      useFactory: (config: DyadConfig, logger: Logger, aliases: AliasTable, book: AliasBook) =>
        new AliasSyncingExtractor(
          createExtractor(config, aliases, (reason) => logger.warn({ reason }, 'LLM extractor failed; facts come from the rules')),
          book,
        ),
    },
  ],
  exports: [EXTRACTOR, ALIAS_TABLE],
})
export class ExtractionModule {}
