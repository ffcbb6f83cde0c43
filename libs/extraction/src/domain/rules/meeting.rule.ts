import type { CountryCode, Participant, Place } from '@dyad/relations';
import type { ActorMention } from '../actors/actor-mentions';
import { ROLE_PATTERN } from '../actors/roles.lexicon';
import type { ArticleAnalysis } from '../analysis/article-analysis';
import { actingCountries } from '../analysis/article-analysis';
import { blockingCue } from '../analysis/modality';
import type { CountryGazetteer } from '../gazetteer/country-gazetteer';
import { isBackgroundDate, type DateExpression } from '../dates/date-expressions';
import { fold } from '../text/fold';
import { verbAt } from '../analysis/background';
import { MEETING_RULES } from '../lexicon/meeting.lexicon';
import type { MeetingRule } from '../lexicon/trigger-rule';
import { PAIR_REFERENCE, type Candidate } from './candidate';
import { dateOf, findTriggers, isAsserted, sentenceDates, type TriggerMatch } from './trigger-match';

// Nouns of a meeting governed by a preposition of time recall an earlier meeting ("after the
// talks", "lors de la rencontre"); they are background, not a new meeting.
const GOVERNED_BEFORE = /\b(?:after|following|since|before|during|of|apres|avant|depuis|lors|de|des|du|d')\s+(?:(?:the|a|an|la|le|les|l'|ces|cette|leur|their|its)\s*)?(?:[\w-]+\s+)?$/;
// A place the gazetteer does not know: "à Djeddah", "at the Vostochny Cosmodrome".
const UNKNOWN_PLACE = /(?:\b(?:in|at)\s+(?:the\s+)?|(?:^|\s)[àÀ]\s+(?:l['’])?)(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*)/u;
const DEFINITE_BEFORE = /\b(?:la|le|les|l'|the|ces|cette|this|these)\s*$/;
const SIGNATORY_PAIR = /\b(?:les deux (?:dirigeants|chefs|ministres|presidents|hommes)|the two (?:leaders|ministers|presidents|men)|both (?:leaders|ministers))\b/;

function pairsOf(countries: readonly CountryCode[]): [CountryCode, CountryCode][] {
  const pairs: [CountryCode, CountryCode][] = [];
  for (let i = 0; i < countries.length; i++) for (let j = i + 1; j < countries.length; j++) pairs.push([countries[i], countries[j]]);
  return pairs;
}

// Words that may separate a verb of hosting from its object: articles, possessives, weekdays,
// a place ("a reçu lundi à Séoul le Premier ministre japonais"). Titles are removed beforehand.
const OBJECT_GAP = new Set(
  ('the a an his her its their on in at to by par visiting counterpart le la les l un une son sa ses leur au aux en de du des d of s dans officielle official state etat ' +
    'monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'january february march april may june july august september october november december ' +
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre er').split(' '),
);

function adjacent(analysis: ArticleAnalysis, actors: readonly ActorMention[], from: number, to: number): boolean {
  let gap = analysis.folded.slice(from, to);
  for (const place of actors) {
    if (place.locative && place.start >= from && place.end <= to) gap = gap.slice(0, place.start - from) + ' '.repeat(place.end - place.start) + gap.slice(place.end - from);
  }
  const words = gap.replace(ROLE_PATTERN, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((word) => OBJECT_GAP.has(word) || /^\d{1,4}$/.test(word));
}

function hostPlace(analysis: ArticleAnalysis, match: TriggerMatch, visitor: CountryCode | undefined): CountryCode | undefined {
  const previous = analysis.sentences[match.sentence.index - 1];
  const places = [...(previous?.actors ?? []), ...match.sentence.actors].filter((a) => a.locative && a.country !== visitor);
  return places[places.length - 1]?.country;
}

// Who met is named before the verb or noun, or after it until the talk turns to its subject or
// to another verb ("… held talks in Seoul, and agreed to share intelligence on North Korea's …").
const TOPIC = /\b(?:about|over|regarding|concerning|to discuss|discussing|sur|concernant|au sujet d|a propos d|pour discuter|pour evoquer|portant sur)\b/;

// The comma-delimited phrase around a trigger, widened over a list of countries before it
// ("Officials from Egypt, Qatar and the United States met …").
function commaPhrase(analysis: ArticleAnalysis, match: TriggerMatch, actors: readonly ActorMention[]): { start: number; end: number } {
  const { folded } = analysis;
  const { sentence } = match;
  let start = folded.lastIndexOf(',', match.start);
  while (start > sentence.start && actors.some((a) => a.end <= start && start - a.end <= 1)) start = folded.lastIndexOf(',', start - 1);
  const next = folded.indexOf(',', match.end);
  return { start: Math.max(start, sentence.start), end: next === -1 || next > sentence.end ? sentence.end : next };
}

// A host who takes part is named as such ("hosted by President Donald Trump").
const HOST_BEFORE = /\b(?:hosted by|in the presence of|chaired by|en presence de|sous la presidence de|accueillie?s? par)\s+[^,;]{0,30}$/;

// A noun's own predicate follows it ("une rencontre a eu lieu entre …"): only the topic ends its list.
function hostedBy(analysis: ArticleAnalysis, match: TriggerMatch, actor: ActorMention): boolean {
  return actor.start > match.end && HOST_BEFORE.test(analysis.folded.slice(Math.max(match.end, actor.start - 40), actor.start));
}

function participantsEnd(analysis: ArticleAnalysis, match: TriggerMatch<MeetingRule>): number {
  const topic = TOPIC.exec(analysis.folded.slice(match.end, match.sentence.end));
  const verb = match.rule.nominal ? undefined : verbAt(analysis.text, analysis.folded, match.end, match.sentence.end, analysis.language);
  return Math.min(topic ? match.end + topic.index : match.sentence.end, verb ?? match.sentence.end);
}

function meetingCountries(analysis: ArticleAnalysis, match: TriggerMatch<MeetingRule>): CountryCode[] {
  const { sentence, rule } = match;
  const acting = sentence.actors.filter((a) => !a.locative);
  const focus = analysis.focus[sentence.index];
  const text = analysis.folded.slice(sentence.start, sentence.end);
  const coreferent = PAIR_REFERENCE.test(text);
  if (rule.frame === 'signatories') {
    const signatories = [...new Set(sentence.persons.filter((p) => p.country).map((p) => p.country as CountryCode))];
    if (signatories.length >= 2) return signatories;
    return SIGNATORY_PAIR.test(text) && focus ? [...focus] : [];
  }
  if (rule.frame === 'destination') {
    const visitor = acting.filter((a) => a.end <= match.start && a.start >= match.clause.start).map((a) => a.country)[0];
    const place = sentence.actors.find((a) => a.start >= match.end);
    if (!visitor || !place || place.country === visitor || !adjacent(analysis, [], match.end, place.start)) return [];
    return [visitor, place.country];
  }
  if (rule.frame === 'object' || rule.frame === 'agent') {
    const from = rule.frame === 'agent' ? analysis.folded.indexOf(' par ', match.end) + ' par '.length : match.end;
    const before = acting.filter((a) => a.end <= match.start).map((a) => a.country);
    const object = acting.find((a) => a.start >= from);
    if (object && adjacent(analysis, sentence.actors, from, object.start)) {
      const countries = [...new Set([...before.slice(-1), object.country])];
      return countries.length === 2 ? countries : [];
    }
    // A host named without a country ("accueilli par le roi Mohammed VI") is of the place visited.
    const host = sentence.persons.find((p) => p.start >= from && !p.country && adjacent(analysis, sentence.actors, from, p.start));
    const place = host && hostPlace(analysis, match, before.slice(-1)[0]);
    return host && place && before.length > 0 ? [before[before.length - 1], place] : [];
  }
  const end = participantsEnd(analysis, match);
  const named = acting.filter((a) => a.end <= match.start || a.start < end || hostedBy(analysis, match, a));
  // The comma-delimited phrase of the verb names who met when it names two ("…, les présidents
  // turc et russe se sont entretenus"); the rest of the sentence may name a host or a topic.
  const phrase = commaPhrase(analysis, match, sentence.actors);
  const close = actingCountries(named.filter((a) => (a.start >= phrase.start && a.end <= phrase.end) || hostedBy(analysis, match, a)));
  if (close.length >= 2) return close;
  const countries = actingCountries(named);
  if (countries.length >= 2) return countries;
  // With no country named, only an anaphoric noun ("La rencontre a porté sur …") continues the pair in focus.
  const anaphoric = rule.nominal === true && DEFINITE_BEFORE.test(analysis.folded.slice(Math.max(sentence.start, match.start - 8), match.start));
  if (focus && (coreferent || (countries.length === 0 && anaphoric))) return [...focus];
  return [];
}

function locationOf(analysis: ArticleAnalysis, match: TriggerMatch, gazetteer: CountryGazetteer): Place | null {
  const { sentence } = match;
  const place = sentence.actors.find((a) => a.locative);
  const named = UNKNOWN_PLACE.exec(sentence.text);
  if (place && named && gazetteer.find(named[1], fold(named[1])).length === 0) {
    return { city: named[1], country: place.country };
  }
  if (place) {
    const surface = analysis.text.slice(place.start, place.end);
    const capital = gazetteer.capitalOf(place.country);
    const isCountryName = gazetteer.find(surface, analysis.folded.slice(place.start, place.end)).some((m) => m.kind === 'name');
    return { city: isCountryName ? null : (capital ?? surface), country: place.country };
  }
  return named ? { city: named[1], country: null } : null;
}

function participantsOf(match: TriggerMatch, countries: readonly CountryCode[]): Participant[] {
  return match.sentence.persons
    .filter((p) => p.country && countries.includes(p.country))
    .map((p) => ({ name: p.canonical, ...(p.role ? { role: p.role } : {}), country: p.country }));
}

// A meeting told without a day in the sentence right after the one that dates it ("… agreed on
// Thursday … Yoon met Kishida at the prime minister's office").
function previousDay(analysis: ArticleAnalysis, match: TriggerMatch): DateExpression | null {
  const previous = analysis.sentences[match.sentence.index - 1];
  if (!previous) return null;
  return sentenceDates(analysis, previous).find((d) => d.day !== null && !isBackgroundDate(d, analysis.publishedAt)) ?? null;
}

export function meetingCandidates(analysis: ArticleAnalysis, gazetteer: CountryGazetteer): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of findTriggers(analysis, MEETING_RULES)) {
    if (match.rule.nominal && GOVERNED_BEFORE.test(analysis.folded.slice(Math.max(match.sentence.start, match.start - 40), match.start))) continue;
    const countries = meetingCountries(analysis, match);
    if (countries.length < 2) continue;
    const { folded, language } = analysis;
    if (blockingCue(folded, language, match.sentence.start, match.sentence.end, match.start, match.end, ['not-a-meeting'])) continue;
    if (!isAsserted(analysis, match)) continue;
    const date = dateOf(analysis, match) ?? sentenceDates(analysis, match.sentence).find((d) => d.day !== null) ?? previousDay(analysis, match);
    const location = locationOf(analysis, match, gazetteer);
    for (const pair of pairsOf(countries)) {
      candidates.push({
        body: { type: 'MeetingHeld', date: date?.day ?? null, participants: participantsOf(match, pair), location, topics: [] },
        countries: pair,
        sentence: match.sentence,
        confidence: match.rule.nominal ? 0.7 : 0.8,
        day: date?.day ?? null,
        month: null,
      });
    }
  }
  return candidates;
}
