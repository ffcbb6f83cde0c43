import { DATABASE, type Database } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { RelationsError } from '../../../domain/relations.errors';
import type { CommitmentView } from '../../../domain/relationship-view';
import { GetRelationshipStateQuery } from '../get-relationship-state/get-relationship-state.query';
import { GetCommitmentQuery } from './get-commitment.query';

// One commitment with its status history, each change with its article and evidence.
@QueryHandler(GetCommitmentQuery)
export class GetCommitmentHandler implements IQueryHandler<GetCommitmentQuery, CommitmentView & { dyad: string }> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
  ) {}

  async execute({ commitmentId }: GetCommitmentQuery): Promise<CommitmentView & { dyad: string }> {
    const { rows } = await this.database.query<{ dyad: string }>('select dyad from commitment_dyads where commitment_id = $1', [
      commitmentId,
    ]);
    const dyad = rows[0]?.dyad;
    const state = dyad ? await this.queryBus.execute(new GetRelationshipStateQuery(dyad)) : null;
    const commitment = state?.commitments.find((candidate) => candidate.id === commitmentId);
    if (!dyad || !commitment) {
      throw new RelationsError('RELATIONS.COMMITMENT_NOT_FOUND', `No commitment ${commitmentId}`, { commitmentId });
    }
    return { dyad, ...commitment };
  }
}
