import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dayOf } from '../../../domain/calendar-day';
import { RelationsError } from '../../../domain/relations.errors';
import { stateAt, type RelationshipView } from '../../../domain/relationship-view';
import { parseKnownDyad } from '../../countries';
import { awaitRelationships } from '../../read-models/relationships/await-relationship';
import { currentViewJson } from '../../read-models/relationships/current-view';
import { loadRelationshipEvents } from '../../read-models/relationships/relationship-rows';
import { GetRelationshipStateJsonQuery, GetRelationshipStateQuery, type StateQuery } from './get-relationship-state.query';

@QueryHandler(GetRelationshipStateJsonQuery)
export class GetRelationshipStateJsonHandler implements IQueryHandler<GetRelationshipStateJsonQuery, string> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  execute(query: GetRelationshipStateJsonQuery): Promise<string> {
    return relationshipStateJson(this.database, this.config, query);
  }
}

@QueryHandler(GetRelationshipStateQuery)
export class GetRelationshipStateHandler implements IQueryHandler<GetRelationshipStateQuery, RelationshipView> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  async execute(query: GetRelationshipStateQuery): Promise<RelationshipView> {
    return JSON.parse(await relationshipStateJson(this.database, this.config, query)) as RelationshipView;
  }
}

// Now: the stored view. A past asOf or knownAt: the rows that view can see, folded.
async function relationshipStateJson(database: Database, config: DyadConfig, query: StateQuery<unknown>): Promise<string> {
  const dyad = parseKnownDyad(query.dyad);
  await awaitRelationships(database, [dyad], query.minPosition, config.DYAD_READ_WAIT_MS);
  const now = new Date();
  if (!query.asOf && !query.knownAt) return (await currentViewJson(database, dyad, now)) ?? notFound(dyad);
  const { rows } = await database.query('select 1 from relationships where dyad = $1', [dyad]);
  if (rows.length === 0) notFound(dyad);
  const asOf = query.asOf ?? now;
  const knownAt = query.knownAt ?? now;
  const events = await loadRelationshipEvents(database, dyad, { upToDay: dayOf(asOf), knownAt });
  return JSON.stringify(stateAt(events, { dyad, asOf, knownAt }));
}

function notFound(dyad: string): never {
  throw new RelationsError('RELATIONS.DYAD_NOT_FOUND', `Nothing is known about ${dyad}`, { dyad });
}
