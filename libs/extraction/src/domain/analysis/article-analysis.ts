import type { CountryCode } from '@dyad/relations';
import { actorMentions, type ActorMention } from '../actors/actor-mentions';
import type { AliasTable } from '../actors/alias-table';
import { findPersons, type PersonMention } from '../actors/person-mentions';
import { titleReferences } from '../actors/title-references';
import type { CountryGazetteer } from '../gazetteer/country-gazetteer';
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

function mentionsIn(text: string, folded: string, start: number, end: number, deps: AnalysisDeps, memory: Map<string, PersonMention>) {
  const countries = deps.gazetteer.find(text, folded, start, end);
  const named = findPersons(text, folded, start, end, countries, deps.aliases, memory);
  const persons = [...named, ...titleReferences(text, folded, countries, named, memory)].sort((a, b) => a.start - b.start);
  return { actors: actorMentions(text, folded, countries, persons), persons };
}

export function analyseArticle(text: string, title: string, language: Language, publishedAt: string, deps: AnalysisDeps): ArticleAnalysis {
  const folded = fold(text);
  const memory = new Map<string, PersonMention>();
  const titleFolded = fold(title);
  const titleActors = mentionsIn(title, titleFolded, 0, title.length, deps, memory).actors;
  const sentences: AnalysedSentence[] = splitSentences(text, language).map((sentence) => ({
    ...sentence,
    ...mentionsIn(text, folded, sentence.start, sentence.end, deps, memory),
  }));
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
