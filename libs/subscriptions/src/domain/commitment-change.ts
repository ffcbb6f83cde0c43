import type { CommitmentCategory, CommitmentStatus, CountryCode, Evidence } from '@dyad/relations';

// What happened to a commitment, as subscribers see it.
export const COMMITMENT_CHANGE_KINDS = ['made', 'reaffirmed', 'status_changed', 'retracted'] as const;
export type CommitmentChangeKind = (typeof COMMITMENT_CHANGE_KINDS)[number];

// One entry of the commitment-change feed (SSE data, webhook data, Kafka value). `position` is
// the log position of the event that caused it: the SSE event id, the feed's order.
// `from` is null for a new commitment; `to` is null when a retraction leaves nothing of it.
export interface CommitmentChange {
  readonly position: string;
  readonly kind: CommitmentChangeKind;
  readonly commitmentId: string;
  readonly dyad: string;
  readonly promisor: CountryCode;
  readonly beneficiary: CountryCode;
  readonly category: CommitmentCategory;
  readonly from: CommitmentStatus | null;
  readonly to: CommitmentStatus | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly articleId: string | null;
  readonly evidence: Evidence | null;
  // The fact event that made the change (for a retraction, the fact it withdrew).
  readonly factId: string;
}

export const COMMITMENT_CHANGED = 'commitment.changed';
