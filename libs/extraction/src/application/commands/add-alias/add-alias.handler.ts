import { EVENT_STORE, formatLogCheckpoint, type EventStore } from '@dyad/platform';
import { isKnownCountry } from '@dyad/relations';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ALIAS_SCHEMA_VERSION, ALIAS_STREAM, type ActorAliasAdded } from '../../../domain/actors/alias.events';
import { ExtractionError } from '../../../domain/extraction.errors';
import { AliasBook } from '../../alias-book';
import { AddAliasCommand, type AddedAlias } from './add-alias.command';

@CommandHandler(AddAliasCommand)
export class AddAliasHandler implements ICommandHandler<AddAliasCommand, AddedAlias> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly book: AliasBook,
  ) {}

  async execute({ canonical, aliases, country }: AddAliasCommand): Promise<AddedAlias> {
    const code = country?.toUpperCase();
    if (code && !isKnownCountry(code)) {
      throw new ExtractionError('EXTRACTION.UNKNOWN_COUNTRY', `${country} is not an ISO 3166-1 alpha-2 country code`, { country });
    }
    const added: ActorAliasAdded = { type: 'ActorAliasAdded', data: { canonical, aliases, ...(code ? { country: code } : {}) } };
    // Aliases only accumulate, so concurrent additions need no version check.
    const appended = await this.store.appendToStreams([
      { streamId: ALIAS_STREAM, expectedVersion: 'any', events: [{ ...added, metadata: { schemaVersion: ALIAS_SCHEMA_VERSION } }] },
    ]);
    await this.book.sync();
    return {
      canonical,
      aliases,
      country: code ?? null,
      position: appended.lastCheckpoint ? formatLogCheckpoint(appended.lastCheckpoint) : null,
    };
  }
}
