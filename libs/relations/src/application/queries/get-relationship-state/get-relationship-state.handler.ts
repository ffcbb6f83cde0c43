import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dayOf } from '../../../domain/calendar-day';
import { RelationsError } from '../../../domain/relations.errors';
import { stateAt, type RelationshipView } from '../../../domain/relationship-view';
import { parseKnownDyad } from '../../countries';
import { awaitRelationships } from '../../read-models/relationships/await-relationship';
import { currentView } from '../../read-models/relationships/current-view';
import { loadRelationshipEvents } from '../../read-models/relationships/relationship-rows';
import { GetRelationshipStateQuery } from './get-relationship-state.query';

@QueryHandler(GetRelationshipStateQuery)
export class GetRelationshipStateHandler implements IQueryHandler<GetRelationshipStateQuery, RelationshipView> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  async execute(query: GetRelationshipStateQuery): Promise<RelationshipView> {
    const dyad = parseKnownDyad(query.dyad);
    await awaitRelationships(this.database, [dyad], query.minPosition, this.config.DYAD_READ_WAIT_MS);
    const now = new Date();
    if (!query.asOf && !query.knownAt) return (await currentView(this.database, dyad, now)) ?? notFound(dyad);
    const { rows } = await this.database.query('select 1 from relationships where dyad = $1', [dyad]);
    if (rows.length === 0) notFound(dyad);
    const asOf = query.asOf ?? now;
    return stateAt(await loadRelationshipEvents(this.database, dyad, dayOf(asOf)), { dyad, asOf, knownAt: query.knownAt ?? now });
  }
}

function notFound(dyad: string): never {
  throw new RelationsError('RELATIONS.DYAD_NOT_FOUND', `Nothing is known about ${dyad}`, { dyad });
}
