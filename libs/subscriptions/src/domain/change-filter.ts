import type { CommitmentCategory, CommitmentStatus } from '@dyad/relations';
import type { CommitmentChange } from './commitment-change';

// What a subscriber (SSE or webhook) wants to hear of; an absent key matches everything.
// `status` is the status the change leads to.
export interface ChangeFilter {
  readonly dyad?: string;
  readonly category?: CommitmentCategory;
  readonly status?: CommitmentStatus;
}

export function matchesFilter(filter: ChangeFilter, change: CommitmentChange): boolean {
  return (
    (filter.dyad === undefined || filter.dyad === change.dyad) &&
    (filter.category === undefined || filter.category === change.category) &&
    (filter.status === undefined || filter.status === change.to)
  );
}
