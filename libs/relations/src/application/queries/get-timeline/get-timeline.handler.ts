import { DATABASE, DYAD_CONFIG, type Database, type DyadConfig } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { factViewOfRow, type FactView } from '../../fact-view';
import { parseKnownDyad } from '../../countries';
import { awaitRelationships } from '../../read-models/relationships/await-relationship';
import { GetTimelineQuery } from './get-timeline.query';

// The standing facts of a dyad in valid-time order; retracted facts are left out.
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, { dyad: string; facts: FactView[] }> {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  async execute(query: GetTimelineQuery): Promise<{ dyad: string; facts: FactView[] }> {
    const dyad = parseKnownDyad(query.dyad);
    await awaitRelationships(this.database, [dyad], query.minPosition, this.config.DYAD_READ_WAIT_MS);
    const { rows } = await this.database.query(
      `select event_id, event_type, data, metadata, recorded_at from relationship_facts
       where dyad = $1 and event_type <> 'FactRetracted' and retracted_at is null
         and ($2::date is null or occurred_at >= $2::date) and ($3::date is null or occurred_at <= $3::date)
       order by occurred_at, transaction_id, global_position`,
      [dyad, query.from ?? null, query.to ?? null],
    );
    return { dyad, facts: rows.map((row) => factViewOfRow(row as never)) };
  }
}
