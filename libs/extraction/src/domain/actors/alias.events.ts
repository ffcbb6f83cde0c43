import type { CountryCode } from '@dyad/relations';

// Spellings of a person that the transliteration key does not join, added by an analyst. Every
// extractor process replays them from the log into its alias table.
export const ALIAS_STREAM = 'actor-aliases';
export const ALIAS_SCHEMA_VERSION = 1;

export type ActorAliasAdded = {
  readonly type: 'ActorAliasAdded';
  readonly data: {
    readonly canonical: string;
    readonly aliases: readonly string[];
    readonly country?: CountryCode;
  };
};
