import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RelationsError } from '../../../domain/relations.errors';
import type { RelationshipView } from '../../../domain/relationship-view';
import { parseKnownDyad } from '../../countries';
import { awaitRelationships } from '../../read-models/relationships/await-relationship';
import { CurrentViewCache } from '../../read-models/relationships/current-view-cache';
import { RelationshipHistoryCache } from '../../read-models/relationships/relationship-history-cache';
import { GetRelationshipStateJsonQuery, GetRelationshipStateQuery, type StateQuery } from './get-relationship-state.query';

// Now: the stored view (kept in memory). A past asOf or knownAt: answered from the dyad's
// history (kept in memory too), which builds what stayed the same once.
@QueryHandler(GetRelationshipStateJsonQuery)
export class GetRelationshipStateJsonHandler implements IQueryHandler<GetRelationshipStateJsonQuery, string> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
    private readonly currentViews: CurrentViewCache,
    private readonly histories: RelationshipHistoryCache,
  ) {}

  async execute(query: StateQuery<unknown>): Promise<string> {
    const dyad = parseKnownDyad(query.dyad);
    await awaitRelationships(this.database, [dyad], query.minPosition, this.config.DYAD_READ_WAIT_MS);
    const now = new Date();
    const fromDatabase = Boolean(query.minPosition);
    if (!query.asOf && !query.knownAt) {
      return (await this.currentViews.viewJson(dyad, now, { fromDatabase })) ?? notFound(dyad);
    }
    const history = (await this.histories.history(dyad, { fromDatabase })) ?? notFound(dyad);
    return history.viewJsonAt({ dyad, asOf: query.asOf ?? now, knownAt: query.knownAt ?? now });
  }
}

// The same state, parsed, for the other queries and commands that read it.
@QueryHandler(GetRelationshipStateQuery)
export class GetRelationshipStateHandler implements IQueryHandler<GetRelationshipStateQuery, RelationshipView> {
  constructor(private readonly json: GetRelationshipStateJsonHandler) {}

  async execute(query: GetRelationshipStateQuery): Promise<RelationshipView> {
    return JSON.parse(await this.json.execute(query)) as RelationshipView;
  }
}

function notFound(dyad: string): never {
  throw new RelationsError('RELATIONS.DYAD_NOT_FOUND', `Nothing is known about ${dyad}`, { dyad });
}
