import type { CountryCode } from '@dyad/relations';
import type { CountryMatch } from '../gazetteer/country-gazetteer';
import type { AliasTable } from './alias-table';
import { nameParts, personKey } from './person-key';
import { HONORIFIC, ROLE_PATTERN } from './roles.lexicon';

export interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly canonical: string;
  readonly country?: CountryCode;
  readonly role?: string;
}

// Capitalised words that start sentences or name months, days and institutions rather than
// people; a run of them is not a name.
const NOT_NAME = new Set(
  ('the a an and or but in on at of for to from with by after before as while when if he she it they we his her its their ' +
    'le la les l un une des du de d et ou mais a au aux en dans pour par sur selon avec sans apres avant il elle ils elles ce cet cette ces son sa ses leur leurs ' +
    'january february march april may june july august september october november december ' +
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
    'monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'asked interroge deux two both chinese council office party commission ministry ministere affaires foreign state etat defense defence ' +
    'national security supreme central treasury tresor office bureau house maison department departement agency agence').split(' '),
);
// A verb between a title and a name means they belong to different phrases.
const CLAUSE_VERB = /\b(?:a|ont|est|sont|etait|avait|ete|was|were|is|has|have|had|said|told|par|by)\b/;
const NAME_CONNECTOR = /^(?:al|el|bin|ben|ibn|bint|de|da|van|von|der|abu|abd)$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== first.toLowerCase() && !(word.length >= 3 && word === word.toUpperCase());
}

function isNamePart(word: string, folded: string): boolean {
  if (NOT_NAME.has(folded)) return false;
  if (/^(?:al|el)-\p{Lu}/u.test(word)) return true;
  return isCapitalised(word);
}

// Persons in one sentence: a run of capitalised words that the alias table knows, that an earlier
// mention introduced (a surname alone), that an honorific precedes, or that a title anchors
// ("le président syrien Ahmad al-Sharaa", "Wang Yi, director of …").
export function findPersons(
  text: string,
  folded: string,
  start: number,
  end: number,
  countries: readonly CountryMatch[],
  aliases: AliasTable,
  memory: Map<string, PersonMention>,
): PersonMention[] {
  const words: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    words.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  }
  const inCountry = (w: Word) => countries.some((c) => w.start < c.end && w.end > c.start);
  const roles: { start: number; end: number }[] = [];
  ROLE_PATTERN.lastIndex = 0;
  const sentenceFolded = folded.slice(start, end);
  for (let m = ROLE_PATTERN.exec(sentenceFolded); m !== null; m = ROLE_PATTERN.exec(sentenceFolded)) {
    roles.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  const inRole = (w: Word) => roles.some((r) => w.start < r.end && w.end > r.start);

  const persons: PersonMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!isNamePart(w.text, folded.slice(w.start, w.end)) || inCountry(w) || inRole(w)) continue;
    let j = i;
    while (j + 1 < words.length) {
      const next = words[j + 1];
      const gap = text.slice(words[j].end, next.start);
      if (gap !== ' ' || inCountry(next) || inRole(next)) break;
      const nextFolded = folded.slice(next.start, next.end);
      if (!(isNamePart(next.text, nextFolded) || (NAME_CONNECTOR.test(next.text) && j + 2 < words.length && isCapitalised(words[j + 2].text)))) break;
      j++;
    }
    const run = words.slice(i, j + 1);
    i = j;
    const surface = text.slice(run[0].start, run[run.length - 1].end);
    const previous = words[words.indexOf(run[0]) - 1];
    const honorific = previous !== undefined && HONORIFIC.test(text.slice(previous.start, previous.end + 1).replace(/\s$/, ''));
    const person = resolve(surface, run, honorific, text, folded, start, end, countries, roles, aliases, memory);
    if (!person) continue;
    persons.push(person);
    memory.set(personKey(person.canonical), person);
    for (const part of nameParts(person.canonical)) if (!memory.has(part)) memory.set(part, person);
    for (const part of nameParts(surface)) if (!memory.has(part)) memory.set(part, person);
  }
  return persons;
}

function resolve(
  surface: string,
  run: readonly Word[],
  honorific: boolean,
  text: string,
  folded: string,
  sentenceStart: number,
  sentenceEnd: number,
  countries: readonly CountryMatch[],
  roles: readonly { start: number; end: number }[],
  aliases: AliasTable,
  memory: Map<string, PersonMention>,
): PersonMention | undefined {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const known = aliases.resolve(surface);
  const remembered = memory.get(personKey(surface)) ?? (run.length === 1 ? memory.get(nameParts(surface)[0] ?? '') : undefined);
  const anchor = roleAnchor(text, folded, start, end, sentenceStart, sentenceEnd, roles, countries);
  if (!known && !remembered && !anchor && !(honorific && run.length === 1)) return undefined;
  // A single name stands alone only right after a title ("Foreign Minister Sugiono").
  const titled = run.length === 1 && roles.some((r) => r.end <= start && /^\s+$/.test(folded.slice(r.end, start))) && surface.length >= 4;
  if (!known && !remembered && run.length === 1 && !honorific && !titled) return undefined;
  return {
    start,
    end,
    surface,
    canonical: known?.canonical ?? remembered?.canonical ?? surface,
    country: known?.country ?? anchor?.country ?? remembered?.country,
    role: anchor?.role ?? remembered?.role,
  };
}

// A title just before the name (up to a dozen words and one comma away, no clause break), or an
// apposition just after it (", secretary of Iran's Supreme National Security Council").
function roleAnchor(
  text: string,
  folded: string,
  start: number,
  end: number,
  sentenceStart: number,
  sentenceEnd: number,
  roles: readonly { start: number; end: number }[],
  countries: readonly CountryMatch[],
): { role: string; country?: CountryCode } | undefined {
  const before = [...roles].reverse().find((r) => r.end <= start);
  if (before) {
    const between = folded.slice(before.end, start);
    const commas = (between.match(/,/g) ?? []).length;
    if (!/[.;:()"]/.test(between) && !CLAUSE_VERB.test(between) && commas <= 1 && between.split(/\s+/).length <= 12 && (commas === 0 || /,\s*$/.test(between))) {
      const windowStart = Math.max(sentenceStart, before.start - 30);
      const country = [...countries].reverse().find((c) => c.start >= windowStart && c.end <= start && !/[.;]/.test(folded.slice(c.end, before.start)));
      const role = text.slice(before.start, start).replace(/[\s,]+$/, '');
      return { role, country: country?.code };
    }
  }
  const after = /^\s*,\s*(?:the |le |la |l')?/.exec(folded.slice(end, sentenceEnd));
  if (after) {
    const roleStart = end + after[0].length;
    const role = roles.find((r) => r.start === roleStart);
    if (role) {
      const close = folded.slice(roleStart, sentenceEnd).search(/[,;.()]/);
      const roleEnd = close === -1 ? sentenceEnd : roleStart + close;
      const country = countries.find((c) => c.start >= roleStart && c.end <= roleEnd);
      return { role: text.slice(roleStart, roleEnd).trim(), country: country?.code };
    }
  }
  return undefined;
}
