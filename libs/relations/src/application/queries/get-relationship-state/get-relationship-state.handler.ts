import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dayOf } from '../../../domain/calendar-day';
import { RelationsError } from '../../../domain/relations.errors';
import { stateAt, type RelationshipView } from '../../../domain/relationship-view';
import { parseKnownDyad } from '../../countries';
import { awaitRelationships } from '../../read-models/relationships/await-relationship';
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
    const { rows } = await this.database.query<{ view: RelationshipView; current: boolean }>(
      // The stored view is "now" unless a fact dated after it has since come due.
      `select view, last_occurred_at <= (view->>'asOf')::date as current from relationships where dyad = $1`,
      [dyad],
    );
    if (rows.length === 0) {
      throw new RelationsError('RELATIONS.DYAD_NOT_FOUND', `Nothing is known about ${dyad}`, { dyad });
    }
    if (!query.asOf && !query.knownAt && rows[0].current) return rows[0].view;
    const now = new Date();
    const asOf = query.asOf ?? now;
    return stateAt(await loadRelationshipEvents(this.database, dyad, dayOf(asOf)), { dyad, asOf, knownAt: query.knownAt ?? now });
  }
}
