import type { CountryMatch } from '../gazetteer/country-gazetteer';
import type { PersonMention } from './person-mentions';
import { TITLE_REFERENCE } from './roles.lexicon';

// "le leader syrien", "the Russian president", "le chef de l'État russe": a title with a demonym
// stands for the person of that country the article last named.
const BEFORE = new RegExp(`(?:${TITLE_REFERENCE.source})\\s+(?:de la |du |des )?$`);
const AFTER = new RegExp(`^\\s+(?:${TITLE_REFERENCE.source})`);
const REACH = 28;

export function titleReferences(text: string, folded: string, countries: readonly CountryMatch[], persons: readonly PersonMention[], memory: ReadonlyMap<string, PersonMention>): PersonMention[] {
  const found: PersonMention[] = [];
  for (const match of countries) {
    if (match.kind !== 'demonym' && match.kind !== 'seat') continue;
    if (persons.some((p) => p.start <= match.start && p.end >= match.end)) continue;
    const before = BEFORE.exec(folded.slice(Math.max(0, match.start - REACH), match.start));
    const after = match.kind === 'demonym' ? AFTER.exec(folded.slice(match.end, match.end + REACH)) : null;
    if (!before && !after) continue;
    let person: PersonMention | undefined;
    for (const candidate of memory.values()) if (candidate.country === match.code) person = candidate;
    if (!person) continue;
    const start = before ? match.start - before[0].length : match.start;
    const end = after ? match.end + after[0].length : match.end;
    // The title of a name that follows ("le président syrien Ahmad al-Sharaa") is not a reference.
    if (persons.some((p) => p.start >= end && p.start - end <= 4)) continue;
    found.push({ start, end, surface: text.slice(start, end), canonical: person.canonical, country: person.country, role: person.role });
  }
  return found;
}
