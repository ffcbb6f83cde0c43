import { DATABASE, type Database } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { refreshStaleViews } from '../../read-models/relationships/current-view';
import { ListRelationshipsQuery, type RelationshipSummary } from './list-relationships.query';

@QueryHandler(ListRelationshipsQuery)
export class ListRelationshipsHandler implements IQueryHandler<ListRelationshipsQuery, RelationshipSummary[]> {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async execute(query: ListRelationshipsQuery): Promise<RelationshipSummary[]> {
    await refreshStaleViews(this.database, new Date());
    const { rows } = await this.database.query<RelationshipSummary>(
      `select dyad,
              meeting_count as meetings,
              commitment_count as commitments,
              open_tensions as "openTensions",
              score,
              fact_count as facts,
              to_char(last_occurred_at, 'YYYY-MM-DD') as "lastOccurredAt",
              last_recorded_at as "lastRecordedAt"
       from relationships
       where $1::text is null or dyad like $1 || '-%' or dyad like '%-' || $1
       order by last_recorded_at desc`,
      [query.country?.toUpperCase() ?? null],
    );
    return rows;
  }
}
