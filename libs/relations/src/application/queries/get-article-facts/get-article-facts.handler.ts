import { DATABASE, type Database } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { factViewOfRow, type FactView } from '../../fact-view';
import { GetArticleFactsQuery } from './get-article-facts.query';

@QueryHandler(GetArticleFactsQuery)
export class GetArticleFactsHandler implements IQueryHandler<GetArticleFactsQuery, FactView[]> {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async execute({ articleId }: GetArticleFactsQuery): Promise<FactView[]> {
    const { rows } = await this.database.query<{
      event_id: string;
      event_type: string;
      data: unknown;
      metadata: Record<string, unknown>;
      recorded_at: Date;
      retracted_at: Date | null;
    }>(
      `select event_id, event_type, data, metadata, recorded_at, retracted_at from relationship_facts
       where article_id = $1 and event_type <> 'FactRetracted' order by transaction_id, global_position`,
      [articleId],
    );
    return rows.map((row) => ({ ...factViewOfRow(row), retractedAt: row.retracted_at?.toISOString() ?? null }));
  }
}
