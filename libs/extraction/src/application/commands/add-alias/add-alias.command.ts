import { Command } from '@nestjs/cqrs';

export interface AddedAlias {
  readonly canonical: string;
  readonly aliases: readonly string[];
  readonly country: string | null;
  readonly position: string | null;
}

// An analyst teaches the extractor spellings of one person.
export class AddAliasCommand extends Command<AddedAlias> {
  constructor(
    readonly canonical: string,
    readonly aliases: readonly string[],
    readonly country?: string,
  ) {
    super();
  }
}
