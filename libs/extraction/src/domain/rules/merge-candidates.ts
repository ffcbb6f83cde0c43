import type { CandidateFact, Participant } from '@dyad/relations';
import { daysBetween } from '../dates/days';

// One fact per thing the article reports: a meeting told over three sentences is one meeting
// (sessions within a day of each other, an undated mention joining the dated one); a promise
// repeated is one promise.
export function mergeFacts(facts: readonly CandidateFact[]): CandidateFact[] {
  const merged: CandidateFact[] = [];
  for (const fact of facts) {
    const index = merged.findIndex((kept) => sameFact(kept, fact));
    if (index === -1) {
      merged.push(fact);
      continue;
    }
    merged[index] = combine(merged[index], fact);
  }
  return merged;
}

function sameFact(a: CandidateFact, b: CandidateFact): boolean {
  if (a.type !== b.type || a.dyad !== b.dyad) return false;
  switch (a.type) {
    case 'MeetingHeld': {
      const other = b as typeof a;
      return a.date === null || other.date === null || Math.abs(daysBetween(a.date, other.date)) <= 1;
    }
    case 'DelegationListed':
      return a.country === (b as typeof a).country;
    case 'CommitmentMade': {
      const other = b as typeof a;
      return a.promisor === other.promisor && a.beneficiary === other.beneficiary && a.category === other.category;
    }
    case 'CommitmentStatusChanged': {
      const other = b as typeof a;
      return a.promisor === other.promisor && a.beneficiary === other.beneficiary && a.category === other.category && a.status === other.status;
    }
    case 'TensionReported':
    case 'TensionEased': {
      const other = b as typeof a;
      return a.scope === other.scope && (a.scope === 'bilateral' || a.locus === other.locus);
    }
    default: {
      const exhaustive: never = a;
      return exhaustive;
    }
  }
}

function combine(kept: CandidateFact, next: CandidateFact): CandidateFact {
  if (kept.type === 'MeetingHeld' && next.type === 'MeetingHeld') {
    const participants: Participant[] = [...kept.participants];
    for (const p of next.participants) if (!participants.some((q) => q.name === p.name)) participants.push(p);
    // The latest day named: a visit that starts at night ends with the talks of the day after.
    const dated = kept.date === null || (next.date !== null && next.date > kept.date) ? next : kept;
    return {
      ...kept,
      date: dated.date,
      occurredAt: dated.occurredAt,
      occurredAtSource: dated.occurredAtSource,
      evidence: dated.date !== null && kept.date === null ? next.evidence : kept.evidence,
      participants,
      location: kept.location ?? next.location,
      confidence: Math.max(kept.confidence, next.confidence),
    };
  }
  return next.confidence > kept.confidence ? next : kept;
}
