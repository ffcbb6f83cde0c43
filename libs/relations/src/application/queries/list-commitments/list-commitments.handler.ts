import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { CommitmentView } from '../../../domain/relationship-view';
import { GetRelationshipStateQuery } from '../get-relationship-state/get-relationship-state.query';
import { ListCommitmentsQuery } from './list-commitments.query';

// The commitments of the dyad's current state, filtered.
@QueryHandler(ListCommitmentsQuery)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitmentsQuery, { dyad: string; commitments: CommitmentView[] }> {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  async execute(query: ListCommitmentsQuery): Promise<{ dyad: string; commitments: CommitmentView[] }> {
    const state = await this.queryBus.execute(new GetRelationshipStateQuery(query.dyad, undefined, undefined, query.minPosition));
    return {
      dyad: state.dyad,
      commitments: state.commitments.filter(
        (commitment) =>
          (!query.status || commitment.status === query.status) && (!query.category || commitment.category === query.category),
      ),
    };
  }
}
