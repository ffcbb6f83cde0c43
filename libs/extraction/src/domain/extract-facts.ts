import type { CandidateFact } from '@dyad/relations';
import { AliasTable } from './actors/alias-table';
import { KNOWN_ACTORS } from './actors/known-actors.data';
import { analyseArticle, type ArticleAnalysis } from './analysis/article-analysis';
import { ExtractionError } from './extraction.errors';
import { CountryGazetteer } from './gazetteer/country-gazetteer';
import { resolveLanguage, type Language } from './language/language';
import { type Candidate, toCandidateFact } from './rules/candidate';
import { commitmentCandidates } from './rules/commitment.rule';
import { delegationCandidates } from './rules/delegation.rule';
import { meetingCandidates } from './rules/meeting.rule';
import { mergeFacts } from './rules/merge-candidates';
import { statusCandidates } from './rules/status.rule';
import { tensionCandidates } from './rules/tension.rule';

export interface ArticleInput {
  readonly text: string;
  readonly title: string;
  readonly publishedAt: string; // ISO date or date-time
  readonly language?: string;
}

export interface Mention {
  readonly kind: 'country' | 'person';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly country?: string;
  readonly canonical?: string;
  readonly role?: string;
  readonly locative?: boolean;
}

export interface Extraction {
  readonly language: Language;
  readonly facts: readonly CandidateFact[];
  readonly mentions?: readonly Mention[];
}

export interface RuleExtractorOptions {
  // The alias table; pass one holding learnt and analyst aliases to extend the built-in one.
  readonly aliases?: AliasTable;
  readonly gazetteer?: CountryGazetteer;
}

let sharedGazetteer: CountryGazetteer | undefined;

// The rule-based extractor: pure, synchronous, no I/O. Build it once and reuse it; the
// gazetteer takes a few tens of milliseconds to build.
export class RuleExtractor {
  readonly name = 'rules';
  readonly version = '1.0.0';
  private readonly aliases: AliasTable;
  private readonly gazetteer: CountryGazetteer;

  constructor(options: RuleExtractorOptions = {}) {
    this.aliases = options.aliases ?? new AliasTable(KNOWN_ACTORS);
    this.gazetteer = options.gazetteer ?? (sharedGazetteer ??= new CountryGazetteer());
  }

  extract(article: ArticleInput): Extraction {
    if (article.text.trim() === '') throw new ExtractionError('EXTRACTION.EMPTY_TEXT', 'The article has no text');
    const language = resolveLanguage(`${article.title}\n${article.text}`, article.language);
    const publishedAt = article.publishedAt.slice(0, 10);
    const analysis = analyseArticle(article.text, article.title, language, publishedAt, { gazetteer: this.gazetteer, aliases: this.aliases });
    const candidates: Candidate[] = [
      ...meetingCandidates(analysis, this.gazetteer),
      ...delegationCandidates(analysis),
      ...commitmentCandidates(analysis),
      ...statusCandidates(analysis),
      ...tensionCandidates(analysis),
    ].filter((c) => c.countries[0] !== c.countries[1]);
    const facts = mergeFacts(candidates.map((c) => toCandidateFact(analysis, c)));
    return { language, facts: datedByMeeting(facts), mentions: mentionsOf(analysis) };
  }
}

// A delegation is listed for the meeting it attended, and what an article reports without a day
// of its own beside a dated meeting of the same pair was agreed there: they take that meeting's
// date. Status changes and tensions keep their own time.
const MEETING_OUTCOMES = new Set(['DelegationListed', 'CommitmentMade', 'TensionEased']);

function datedByMeeting(facts: readonly CandidateFact[]): CandidateFact[] {
  return facts.map((fact) => {
    if (!MEETING_OUTCOMES.has(fact.type) || fact.occurredAtSource === 'text') return fact;
    const meeting = facts.find((f) => f.type === 'MeetingHeld' && f.dyad === fact.dyad && f.occurredAtSource === 'text');
    return meeting ? { ...fact, occurredAt: meeting.occurredAt, occurredAtSource: 'text' } : fact;
  });
}

function mentionsOf(analysis: ArticleAnalysis): Mention[] {
  return analysis.sentences.flatMap((sentence) =>
    sentence.actors.map((actor) =>
      actor.person
        ? { kind: 'person' as const, text: actor.person.surface, start: actor.start, end: actor.end, sentence: sentence.index, country: actor.country, canonical: actor.person.canonical, role: actor.person.role }
        : { kind: 'country' as const, text: analysis.text.slice(actor.start, actor.end), start: actor.start, end: actor.end, sentence: sentence.index, country: actor.country, locative: actor.locative },
    ),
  );
}
