// The facts an article reports about a pair of countries, as the extractor proposes them and
// the relationship decider receives them. Keys follow the corpus schema (shared/corpus/SCHEMA.md).
export type CountryCode = string;

export const COMMITMENT_CATEGORIES = [
  'investment',
  'financial_support',
  'military_cooperation',
  'military_basing',
  'energy',
  'trade',
  'humanitarian_aid',
  'infrastructure',
  'security',
  'diplomatic_support',
  'other',
] as const;
export type CommitmentCategory = (typeof COMMITMENT_CATEGORIES)[number];

export const COMMITMENT_STATUSES = [
  'made',
  'reaffirmed',
  'in_progress',
  'fulfilled',
  'suspended',
  'broken',
  'withdrawn',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const TENSION_SCOPES = ['bilateral', 'domestic', 'regional'] as const;
export type TensionScope = (typeof TENSION_SCOPES)[number];

export type Severity = 'low' | 'medium' | 'high';

export interface Evidence {
  readonly sentence: number; // index of the sentence in the article text, from 0
  readonly start: number; // character offsets of the quote in the article text
  readonly end: number;
  readonly quote: string;
}

export interface Participant {
  readonly name: string;
  readonly role?: string;
  readonly country?: CountryCode;
}

export interface DelegationMember {
  readonly name?: string;
  readonly role: string;
}

export interface Place {
  readonly city: string | null;
  readonly country: CountryCode | null;
}

export type FactBody =
  | {
      readonly type: 'MeetingHeld';
      readonly date: string | null; // YYYY-MM-DD, null when the text gives no day
      readonly participants: readonly Participant[];
      readonly location: Place | null;
      readonly topics: readonly string[];
    }
  | {
      readonly type: 'DelegationListed';
      readonly country: CountryCode;
      readonly leader: string;
      readonly leaderRole?: string;
      readonly members: readonly DelegationMember[];
    }
  | {
      readonly type: 'CommitmentMade';
      readonly promisor: CountryCode;
      readonly beneficiary: CountryCode;
      readonly category: CommitmentCategory;
      readonly summary: string;
      // The text presents the promise as made again ("reaffirmed", "renewed", "réitéré"), not as
      // background. Absent: a repeat of a known commitment only corroborates it.
      readonly renewed?: boolean;
    }
  | {
      readonly type: 'CommitmentStatusChanged';
      readonly promisor: CountryCode;
      readonly beneficiary: CountryCode;
      readonly category: CommitmentCategory;
      readonly status: CommitmentStatus;
      readonly summary: string;
    }
  | {
      readonly type: 'TensionReported';
      readonly scope: TensionScope;
      readonly locus: CountryCode;
      readonly subject: string;
      readonly severity: Severity;
    }
  | {
      readonly type: 'TensionEased';
      readonly scope: TensionScope;
      readonly locus: CountryCode;
      readonly subject: string;
    };

export type FactType = FactBody['type'];

// A fact as proposed for one dyad by one article, with where in the text it was read.
export type CandidateFact = FactBody & {
  readonly dyad: string;
  readonly evidence: Evidence;
  readonly confidence: number; // 0..1
  // Valid time of the fact: from the text when it says, else the article's publication date.
  readonly occurredAt: string; // YYYY-MM-DD
  readonly occurredAtSource: 'text' | 'publishedAt';
};
