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

@QueryHandler(GetRelationshipStateJsonQuery)
export class GetRelationshipStateJsonHandler implements IQueryHandler<GetRelationshipStateJsonQuery, string> {
  constructor(
    @Inject(DATABASE) readonly database: Database,
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(DYAD_CONFIG) readonly config: DyadConfig,
    readonly currentViews: CurrentViewCache,
  ) {}

  execute(query: GetRelationshipStateJsonQuery): Promise<string> {
    return relationshipStateJson(this, query);
  }
}

@QueryHandler(GetRelationshipStateQuery)
export class GetRelationshipStateHandler implements IQueryHandler<GetRelationshipStateQuery, RelationshipView> {
  constructor(
    @Inject(DATABASE) readonly database: Database,
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(DYAD_CONFIG) readonly config: DyadConfig,
    readonly currentViews: CurrentViewCache,
  ) {}

  async execute(query: GetRelationshipStateQuery): Promise<RelationshipView> {
    return JSON.parse(await relationshipStateJson(this, query)) as RelationshipView;
  }
}

interface StateSources {
  readonly database: Database;
  readonly store: EventStore;
  readonly config: DyadConfig;
  readonly currentViews: CurrentViewCache;
}

// Now: the stored view (kept in memory). A past asOf or knownAt: the dyad's stream folded on
// demand, as the commands read it (the stream cache keeps it parsed; only events appended since
// are fetched).
async function relationshipStateJson({ database, store, config, currentViews }: StateSources, query: StateQuery<unknown>): Promise<string> {
  const dyad = parseKnownDyad(query.dyad);
  await awaitRelationships(database, [dyad], query.minPosition, config.DYAD_READ_WAIT_MS);
  const now = new Date();
  if (!query.asOf && !query.knownAt) return (await currentViews.viewJson(dyad, now, { fromDatabase: Boolean(query.minPosition) })) ?? notFound(dyad);
  const { version, events } = await store.readStream(relationshipStreamId(dyad));
  if (version === 0) notFound(dyad);
  const asOf = query.asOf ?? now;
  const knownAt = query.knownAt ?? now;
  return JSON.stringify(stateAt(events.map(upcastRelationshipEvent), { dyad, asOf, knownAt }));
}

function notFound(dyad: string): never {
  throw new RelationsError('RELATIONS.DYAD_NOT_FOUND', `Nothing is known about ${dyad}`, { dyad });
}
