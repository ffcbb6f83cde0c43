import { Query } from '@nestjs/cqrs';
import type { CommitmentView } from '../../../domain/relationship-view';

export class GetCommitmentQuery extends Query<CommitmentView & { dyad: string }> {
  constructor(readonly commitmentId: string) {
    super();
  }
}
