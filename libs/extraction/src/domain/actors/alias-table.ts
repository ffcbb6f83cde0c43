import type { CountryCode } from '@dyad/relations';
import type { ActorAlias } from './known-actors.data';
import { personKey } from './person-key';

export interface ResolvedActor {
  readonly canonical: string;
  readonly country?: CountryCode;
}

// Spellings of one person resolved to one canonical name. The transliteration key joins most
// variants; explicit aliases (learnt from articles or added by an analyst) join the rest.
export class AliasTable {
  private readonly byKey = new Map<string, ResolvedActor>();

  constructor(entries: readonly ActorAlias[] = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: ActorAlias): void {
    const actor: ResolvedActor = { canonical: entry.canonical, country: entry.country };
    for (const spelling of [entry.canonical, ...(entry.aliases ?? [])]) this.byKey.set(personKey(spelling), actor);
  }

  resolve(name: string): ResolvedActor | undefined {
    return this.byKey.get(personKey(name));
  }
}
