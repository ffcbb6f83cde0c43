import type { CountryCode } from '@dyad/relations';
import { actorMentions, type ActorMention } from '../actors/actor-mentions';
import type { AliasTable } from '../actors/alias-table';
import { findPersons, type PersonMention } from '../actors/person-mentions';
import { titleReferences } from '../actors/title-references';
import type { CountryGazetteer, CountryMatch } from '../gazetteer/country-gazetteer';
import type { Language } from '../language/language';
import { fold } from '../text/fold';
import { splitSentences, type Sentence } from '../text/sentences';

export interface AnalysedSentence extends Sentence {
  readonly actors: readonly ActorMention[];
  readonly persons: readonly PersonMention[];
}

// The article read once: folded text, sentences, and who acts in each sentence. Rules read it.
export interface ArticleAnalysis {
  readonly text: string;
  readonly folded: string;
  readonly language: Language;
  readonly publishedAt: string; // YYYY-MM-DD
  readonly sentences: readonly AnalysedSentence[];
  // The pair of countries the prose is about just before each sentence (the last sentence naming
  // exactly two acting countries, the title included): what "the two leaders" refers to.
  readonly focus: readonly (readonly [CountryCode, CountryCode] | null)[];
}

export interface AnalysisDeps {
  readonly gazetteer: CountryGazetteer;
  readonly aliases: AliasTable;
}

export function actingCountries(actors: readonly ActorMention[]): CountryCode[] {
  return [...new Set(actors.filter((a) => !a.locative).map((a) => a.country))];
}

// "The kingdom", "la République islamique": the state last named whose official name says so.
const FORM_OF_STATE = /\b(?:the kingdom|le royaume|du royaume|au royaume|the islamic republic|la republique islamique)\b(?!-| of| d'| du| de| uni)/g;
// Matched against the folded English official name ("Kingdom of Saudi Arabia").
const FORM_WORDS: [RegExp, string][] = [
  [/kingdom|royaume/, 'kingdom'],
  [/islamic republic|republique islamique/, 'islamic republic'],
];

function formsOfState(folded: string, start: number, end: number, found: readonly CountryMatch[], recent: readonly CountryCode[], gazetteer: CountryGazetteer): CountryMatch[] {
  const matches: CountryMatch[] = [];
  FORM_OF_STATE.lastIndex = 0;
  const slice = folded.slice(start, end);
  for (let m = FORM_OF_STATE.exec(slice); m !== null; m = FORM_OF_STATE.exec(slice)) {
    const at = start + m.index;
    if (found.some((c) => at < c.end && at + m![0].length > c.start)) continue;
    const [, word] = FORM_WORDS.find(([pattern]) => pattern.test(m![0])) as [RegExp, string];
    const earlier = [...recent, ...found.filter((c) => c.end <= at).map((c) => c.code)];
    const code = [...earlier].reverse().find((c) => gazetteer.officialNameHas(c, word));
    if (code) matches.push({ code, kind: 'name', start: at + m[0].indexOf(' ') + 1, end: at + m[0].length });
  }
  return matches;
}

function mentionsIn(text: string, folded: string, start: number, end: number, deps: AnalysisDeps, memory: Map<string, PersonMention>, recent: CountryCode[], all?: readonly CountryMatch[]) {
  const found = all ? all.filter((c) => c.start >= start && c.end <= end) : deps.gazetteer.find(text, folded, start, end);
  const countries = [...found, ...formsOfState(folded, start, end, found, recent, deps.gazetteer)].sort((a, b) => a.start - b.start);
  recent.push(...countries.map((c) => c.code));
  const named = findPersons(text, folded, start, end, countries, deps.aliases, memory);
  const persons = [...named, ...titleReferences(text, folded, countries, named, memory)].sort((a, b) => a.start - b.start);
  return { actors: actorMentions(text, folded, countries, persons), persons };
}

export function analyseArticle(text: string, title: string, language: Language, publishedAt: string, deps: AnalysisDeps): ArticleAnalysis {
  const folded = fold(text);
  const memory = new Map<string, PersonMention>();
  const titleFolded = fold(title);
  const recent: CountryCode[] = [];
  const titleActors = mentionsIn(title, titleFolded, 0, title.length, deps, memory, recent).actors;
  // The gazetteer reads the whole text once; each sentence takes its own matches.
  const all = deps.gazetteer.find(text, folded);
  let cursor = 0;
  const sentences: AnalysedSentence[] = splitSentences(text, language).map((sentence) => {
    while (cursor < all.length && all[cursor].start < sentence.start) cursor++;
    let last = cursor;
    while (last < all.length && all[last].start < sentence.end) last++;
    return { ...sentence, ...mentionsIn(text, folded, sentence.start, sentence.end, deps, memory, recent, all.slice(cursor, last)) };
  });
  const focus: (readonly [CountryCode, CountryCode] | null)[] = [];
  const titleCountries = actingCountries(titleActors);
  let current: readonly [CountryCode, CountryCode] | null = titleCountries.length === 2 ? [titleCountries[0], titleCountries[1]] : null;
  for (const sentence of sentences) {
    focus.push(current);
    const countries = actingCountries(sentence.actors);
    if (countries.length === 2) current = [countries[0], countries[1]];
  }
  return { text, folded, language, publishedAt, sentences, focus };
}
