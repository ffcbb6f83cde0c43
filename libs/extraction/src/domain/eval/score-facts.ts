import { personKey } from '../actors/person-key';

// Precision, recall and F1 of produced facts against gold events, matched one to one on the
// required keys of the corpus schema (shared/corpus/SCHEMA.md): the informative keys (participants,
// location, summary, severity…) do not count.
export interface ScoredEvent {
  readonly type: string;
  readonly dyad: string;
  readonly [key: string]: unknown;
}

export interface Score {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Scores {
  readonly byType: Readonly<Record<string, Score>>;
  readonly overall: Score;
}

export function matchesGold(gold: ScoredEvent, fact: ScoredEvent): boolean {
  if (gold.type !== fact.type || gold.dyad !== fact.dyad) return false;
  const same = (...keys: string[]) => keys.every((key) => gold[key] === fact[key]);
  switch (gold.type) {
    case 'MeetingHeld':
      return (gold.date ?? null) === (fact.date ?? null);
    case 'DelegationListed':
      // Spellings of one leader are one leader (al-Shaybani / al-Shaibani).
      return same('country') && personKey(String(gold.leader)) === personKey(String(fact.leader));
    case 'CommitmentMade':
      return same('promisor', 'beneficiary', 'category');
    case 'CommitmentStatusChanged':
      return same('promisor', 'beneficiary', 'category', 'status');
    case 'TensionReported':
    case 'TensionEased':
      return same('scope') && (gold.scope === 'bilateral' || same('locus'));
    default:
      return false;
  }
}

export function score(truePositives: number, falsePositives: number, falseNegatives: number): Score {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

// Counts of one article, by event type.
export function countMatches(gold: readonly ScoredEvent[], produced: readonly ScoredEvent[]): Record<string, Counts> {
  const counts: Record<string, Counts> = {};
  const of = (type: string) => (counts[type] ??= { tp: 0, fp: 0, fn: 0 });
  const unmatched = [...produced];
  for (const event of gold) {
    const index = unmatched.findIndex((fact) => matchesGold(event, fact));
    if (index === -1) of(event.type).fn++;
    else {
      of(event.type).tp++;
      unmatched.splice(index, 1);
    }
  }
  for (const fact of unmatched) of(fact.type).fp++;
  return counts;
}

// Scores over many articles: counts are summed, then turned into ratios (micro-average).
export function scoreArticles(articles: readonly { readonly gold: readonly ScoredEvent[]; readonly produced: readonly ScoredEvent[] }[]): Scores {
  const totals: Record<string, Counts> = {};
  for (const { gold, produced } of articles) {
    for (const [type, counts] of Object.entries(countMatches(gold, produced))) {
      const total = (totals[type] ??= { tp: 0, fp: 0, fn: 0 });
      total.tp += counts.tp;
      total.fp += counts.fp;
      total.fn += counts.fn;
    }
  }
  const byType = Object.fromEntries(Object.entries(totals).map(([type, c]) => [type, score(c.tp, c.fp, c.fn)]));
  const sum = Object.values(totals).reduce((acc, c) => ({ tp: acc.tp + c.tp, fp: acc.fp + c.fp, fn: acc.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { byType, overall: score(sum.tp, sum.fp, sum.fn) };
}
