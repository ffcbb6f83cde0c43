import { DATABASE, DYAD_CONFIG, EVENT_STORE, type Database, type DyadConfig, type EventStore } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RelationsError } from '../../../domain/relations.errors';
import { stateAt, type RelationshipView } from '../../../domain/relationship-view';
import { upcastRelationshipEvent } from '../../../domain/relationship-event.upcaster';
import { relationshipStreamId } from '../../../domain/dyad-id';
import { parseKnownDyad } from '../../countries';
import { awaitRelationships } from '../../read-models/relationships/await-relationship';
import { CurrentViewCache } from '../../read-models/relationships/current-view-cache';
import { GetRelationshipStateJsonQuery, GetRelationshipStateQuery, type StateQuery } from './get-relationship-state.query';

// Now: the stored view (kept in memory). A past asOf or knownAt: the dyad's stream folded on
// demand, as the commands read it (the stream cache keeps it parsed; only events appended since
// are fetched).
@QueryHandler(GetRelationshipStateJsonQuery)
export class GetRelationshipStateJsonHandler implements IQueryHandler<GetRelationshipStateJsonQuery, string> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
    private readonly currentViews: CurrentViewCache,
  ) {}

  async execute(query: StateQuery<unknown>): Promise<string> {
    const dyad = parseKnownDyad(query.dyad);
    await awaitRelationships(this.database, [dyad], query.minPosition, this.config.DYAD_READ_WAIT_MS);
    const now = new Date();
    if (!query.asOf && !query.knownAt) {
      return (await this.currentViews.viewJson(dyad, now, { fromDatabase: Boolean(query.minPosition) })) ?? notFound(dyad);
    }
    const { version, events } = await this.store.readStream(relationshipStreamId(dyad));
    if (version === 0) notFound(dyad);
    const asOf = query.asOf ?? now;
    const knownAt = query.knownAt ?? now;
    return JSON.stringify(stateAt(events.map(upcastRelationshipEvent), { dyad, asOf, knownAt }));
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
