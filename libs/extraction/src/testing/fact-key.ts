import type { CandidateFact } from '@dyad/relations';

// A fact as "type parties keys", the form the extractor specs write their expectations in.
export function factKey(fact: CandidateFact): string {
  switch (fact.type) {
    case 'MeetingHeld':
      return `${fact.type} ${fact.dyad} ${fact.date}`;
    case 'DelegationListed':
      return `${fact.type} ${fact.dyad} ${fact.country} ${fact.leader}`;
    case 'CommitmentMade':
      return `${fact.type} ${fact.promisor}>${fact.beneficiary} ${fact.category}`;
    case 'CommitmentStatusChanged':
      return `${fact.type} ${fact.promisor}>${fact.beneficiary} ${fact.category} ${fact.status}`;
    default:
      return `${fact.type} ${fact.dyad} ${fact.scope} ${fact.locus}`;
  }
}
