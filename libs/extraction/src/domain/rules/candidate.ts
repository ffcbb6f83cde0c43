import type { CandidateFact, FactBody } from '@dyad/relations';
import type { ArticleAnalysis, AnalysedSentence } from '../analysis/article-analysis';

// A fact found by a rule, before dyads are sorted and duplicates merged.
export interface Candidate {
  readonly body: FactBody;
  readonly countries: readonly [string, string];
  readonly sentence: AnalysedSentence;
  readonly confidence: number;
  readonly day: string | null; // from the text
  readonly month: string | null; // when the text names only a month
}

export function toCandidateFact(analysis: ArticleAnalysis, candidate: Candidate): CandidateFact {
  const { sentence } = candidate;
  const dyad = [...candidate.countries].sort().join('-');
  const occurredAt = candidate.day ?? (candidate.month ? `${candidate.month}-01` : analysis.publishedAt);
  return {
    ...candidate.body,
    dyad,
    evidence: { sentence: sentence.index, start: sentence.start, end: sentence.end, quote: sentence.text },
    confidence: Math.round(candidate.confidence * 100) / 100,
    occurredAt,
    occurredAtSource: candidate.day || candidate.month ? 'text' : 'publishedAt',
  } as CandidateFact;
}

// Coreference to the pair in focus: "the two leaders", "les deux délégations", "each side".
export const PAIR_REFERENCE =
  /\b(?:les deux (?:pays|dirigeants|delegations|capitales|parties|gouvernements|hommes|chefs|ministres|presidents|voisins|rivaux|puissances|signataires|camps)|the two (?:countries|leaders|delegations|capitals|sides|governments|men|ministers|presidents|neighbou?rs|rivals|powers|signatories)|both (?:sides|countries|leaders|governments|capitals|parties)|each (?:side|party|other)|chacune des parties|chaque partie|l'une? a l'autre|leur (?:rencontre|entretien|sommet))\b/;
