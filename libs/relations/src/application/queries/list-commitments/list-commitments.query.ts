import { Query } from '@nestjs/cqrs';
import type { CommitmentCategory, CommitmentStatus } from '../../../domain/facts';
import type { CommitmentView } from '../../../domain/relationship-view';

export class ListCommitmentsQuery extends Query<{ dyad: string; commitments: CommitmentView[] }> {
  constructor(
    readonly dyad: string,
    readonly status?: CommitmentStatus,
    readonly category?: CommitmentCategory,
    readonly minPosition?: string,
  ) {
    super();
  }
}
