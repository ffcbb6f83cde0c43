import type { CountryCode } from '@dyad/relations';
import type { CountryMatch } from '../gazetteer/country-gazetteer';
import type { PersonMention } from './person-mentions';

// A country present in a sentence as an actor, through its name, a demonym, a capital or seat of
// power standing for its government, or a person of that country. A place where something
// happens ("à Moscou", "in Russia's Amur region") is marked `locative`: it hosts, it does not act.
export interface ActorMention {
  readonly country: CountryCode;
  readonly start: number;
  readonly end: number;
  readonly locative: boolean;
  readonly person?: PersonMention;
}

// Locative prepositions (with an optional article) just before a mention. "à" is checked on the
// original text because it folds to "a", the French "has".
const LOCATIVE_BEFORE = /(?:^|[^\p{L}])(?:in|at|inside|near|en|au|aux|dans|vers|pres de|sur le sol)\s+(?:(?:the|le|la|les|l')\s*)?$/u;
const FRENCH_A = /(?:^|[^\p{L}])[àÀ]\s+(?:(?:la|le|les|l['’])\s*)?$/u;
// "the Chinese capital", "la capitale saoudienne": a demonym qualifying a place.
const PLACE_AFTER = /^\s*(?:capital|capitale|region|region|soil|sol|territory|territoire|city|ville|port|coast|cote|border|frontiere)\b/;
const PLACE_BEFORE = /(?:capitale|sol|territoire|ville|region|frontiere|soil)\s+$/;
// A capital or seat named as the setting of a building or a place in it ("un palais d'Achgabat",
// "the streets of Kyiv", "the airport of Riyadh").
const SETTING_BEFORE = /\b(?:palais|palace|centre|center|aeroport|airport|port|rues|streets|banlieue|suburbs?|quartier|district|universite|university|hotel|stade|stadium|hopital|hospital|outskirts|environs|mairie|city hall)\s+(?:de|d'|du|of|in)\s*(?:the\s+)?$/;

export function actorMentions(text: string, folded: string, countries: readonly CountryMatch[], persons: readonly PersonMention[]): ActorMention[] {
  const actors: ActorMention[] = [];
  for (const match of countries) {
    const before = folded.slice(Math.max(0, match.start - 24), match.start);
    const originalBefore = text.slice(Math.max(0, match.start - 8), match.start);
    const after = folded.slice(match.end, match.end + 16);
    const placeNoun = (match.kind === 'demonym' && (PLACE_AFTER.test(after) || PLACE_BEFORE.test(before))) || (match.kind === 'capital' && SETTING_BEFORE.test(before)) || /^'s\s+(?:\w+\s+)?(?:region|territory|city|capital|soil|border)\b/.test(after);
    // A dateline ("BEIJING, March 11 -") is where the dispatch was filed.
    const dateline = match.end - match.start > 4 && /^[\p{Lu}\s.'-]+$/u.test(text.slice(match.start, match.end));
    const locative = dateline || (LOCATIVE_BEFORE.test(before) || FRENCH_A.test(originalBefore)) && !/^'s\b/.test(after) ? true : placeNoun;
    actors.push({ country: match.code, start: match.start, end: match.end, locative });
  }
  for (const person of persons) {
    if (person.country) actors.push({ country: person.country, start: person.start, end: person.end, locative: false, person });
  }
  return actors.sort((a, b) => a.start - b.start);
}
