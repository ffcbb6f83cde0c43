import type { CommitmentView, FactEvent, RelationshipEvent } from '@dyad/relations';
import type { CommitmentChange, CommitmentChangeKind } from './commitment-change';

// The commitment an event is about; null for the events of meetings, delegations, tensions,
// and for retractions (they name a fact, whose commitment the caller looks up).
export function commitmentIdOf(event: RelationshipEvent): string | null {
  switch (event.type) {
    case 'CommitmentMade':
      return event.data.factId;
    case 'CommitmentStatusChanged':
      return event.data.commitmentId;
    case 'FactCorroborated':
      return event.data.factType === 'CommitmentMade' || event.data.factType === 'CommitmentStatusChanged'
        ? event.data.commitmentId
        : null;
    default:
      return null;
  }
}

export interface ChangeInput {
  readonly position: string;
  readonly event: RelationshipEvent;
  // For a FactRetracted: the commitment fact it withdraws.
  readonly retracted?: FactEvent;
  // The commitment as the relationship shows it (all valid time) before and after the event.
  readonly before?: CommitmentView;
  readonly after?: CommitmentView;
}

// One event makes at most one change. A promise, a status report and the retraction of either
// are changes even when the current status stays (a late report about an earlier day still
// adds to the history); a corroboration is one only when it moves the status.
export function deriveCommitmentChange({ position, event, retracted, before, after }: ChangeInput): CommitmentChange | null {
  const commitment = after ?? before;
  if (!commitment) return null;
  const kind = kindOf(event, retracted);
  const from = before?.status ?? null;
  const to = after?.status ?? null;
  if (kind === null && from === to) return null;
  const fact = event.type === 'FactRetracted' ? retracted : event;
  if (!fact) return null;
  return {
    position,
    kind: kind ?? (to === null ? 'retracted' : 'status_changed'),
    commitmentId: commitment.id,
    dyad: fact.data.dyad,
    promisor: commitment.promisor,
    beneficiary: commitment.beneficiary,
    category: commitment.category,
    from,
    to,
    occurredAt: fact.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    articleId: (event.type === 'FactRetracted' ? event.metadata.articleId : undefined) ?? fact.metadata.articleId,
    evidence: fact.metadata.evidence,
    factId: fact.data.factId,
  };
}

// Null: the event is a change only if the status moved.
function kindOf(event: RelationshipEvent, retracted: FactEvent | undefined): CommitmentChangeKind | null {
  switch (event.type) {
    case 'CommitmentMade':
      return 'made';
    case 'CommitmentStatusChanged':
      return event.data.status === 'reaffirmed' ? 'reaffirmed' : 'status_changed';
    case 'FactRetracted':
      return retracted?.type === 'CommitmentMade' || retracted?.type === 'CommitmentStatusChanged' ? 'retracted' : null;
    default:
      return null;
  }
}
