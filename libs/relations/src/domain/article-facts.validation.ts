import { isCalendarDay } from './calendar-day';
import { dyadCountries, parseDyadId, type DyadId } from './dyad-id';
import type { IdentifiedCandidate, RecordArticleFacts } from './relationship.commands';
import { RelationsError } from './relations.errors';

// What the decider needs to trust in an article's candidates before it compares them with what
// is known. Returns the dyad in its normal form.
export function validateArticleFacts(article: RecordArticleFacts['data'], streamDyad: DyadId | null): DyadId {
  const dyad = parseDyadId(article.dyad);
  if (streamDyad !== null && streamDyad !== dyad) {
    throw new RelationsError('RELATIONS.DYAD_MISMATCH', `Facts for ${dyad} sent to the ${streamDyad} relationship`, {
      dyad,
      expected: streamDyad,
    });
  }
  if (!isCalendarDay(article.publishedAt)) invalid(null, `publishedAt '${article.publishedAt}' is not a YYYY-MM-DD day`);
  const countries = dyadCountries(dyad);
  for (const fact of article.facts) {
    if (parseDyadId(fact.dyad) !== dyad) {
      throw new RelationsError('RELATIONS.DYAD_MISMATCH', `Fact ${fact.factId} is about ${fact.dyad}, not ${dyad}`, {
        dyad,
        factId: fact.factId,
      });
    }
    const problem = problemOf(fact, countries);
    if (problem !== null) invalid(fact.factId, problem);
  }
  return dyad;
}

// Whether a candidate can be recorded on its dyad at all: the decider refuses the whole article
// for one that cannot, so callers drop such candidates first.
export function isRecordable(fact: IdentifiedCandidate): boolean {
  try {
    return problemOf(fact, dyadCountries(parseDyadId(fact.dyad))) === null;
  } catch {
    return false;
  }
}

function problemOf(fact: IdentifiedCandidate, countries: readonly string[]): string | null {
  if (!isCalendarDay(fact.occurredAt)) return `occurredAt '${fact.occurredAt}' is not a YYYY-MM-DD day`;
  if (!(fact.confidence >= 0 && fact.confidence <= 1)) return `confidence ${fact.confidence} is not within 0..1`;
  switch (fact.type) {
    case 'MeetingHeld':
      return fact.date === null || isCalendarDay(fact.date) ? null : `date '${fact.date}' is not a YYYY-MM-DD day`;
    case 'DelegationListed':
      return countries.includes(fact.country) ? null : `delegation of ${fact.country}, not a member of the dyad`;
    case 'CommitmentMade':
    case 'CommitmentStatusChanged':
      return countries.includes(fact.promisor) && countries.includes(fact.beneficiary) && fact.promisor !== fact.beneficiary
        ? null
        : `promisor ${fact.promisor} and beneficiary ${fact.beneficiary} must be the two countries of the dyad`;
    case 'TensionReported':
    case 'TensionEased':
      return null;
    default: {
      const unexpected: never = fact;
      return `unknown fact type ${(unexpected as IdentifiedCandidate).type}`;
    }
  }
}

function invalid(factId: string | null, problem: string): never {
  throw new RelationsError('RELATIONS.INVALID_FACT', factId ? `Fact ${factId}: ${problem}` : problem, { factId, problem });
}
