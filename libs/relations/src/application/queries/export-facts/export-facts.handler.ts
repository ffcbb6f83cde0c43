import { DATABASE, type Database } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { codeFactEvent } from '../../../domain/fact-event-coding';
import { upcastRelationshipEvent } from '../../../domain/relationship-event.upcaster';
import type { FactEvent } from '../../../domain/relationship.events';
import { ExportFactsQuery, type ExportRecord } from './export-facts.query';

const PAGE = 1_000;

interface ExportRow {
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  occurred_at: string;
  global_position: string;
  url: string | null;
  title: string | null;
}

@QueryHandler(ExportFactsQuery)
export class ExportFactsHandler implements IQueryHandler<ExportFactsQuery, AsyncIterable<ExportRecord[]>> {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async execute(query: ExportFactsQuery): Promise<AsyncIterable<ExportRecord[]>> {
    return this.pages(query);
  }

  // Keyset pages in (date, position) order: memory stays flat whatever the size of the export.
  private async *pages(query: ExportFactsQuery): AsyncIterable<ExportRecord[]> {
    let after: { date: string; position: string } = { date: '0001-01-01', position: '-1' };
    for (;;) {
      const { rows } = await this.database.query<ExportRow>(
        `select f.event_id, f.event_type, f.data, f.metadata, to_char(f.occurred_at, 'YYYY-MM-DD') as occurred_at,
                f.global_position::text as global_position, s.url, s.title
         from relationship_facts f left join article_sources s on s.article_id = f.article_id
         where f.event_type not in ('FactRetracted', 'FactCorroborated', 'MeetingCorroborated') and f.retracted_at is null
           and ($1::date is null or f.occurred_at >= $1::date) and ($2::date is null or f.occurred_at <= $2::date)
           and (f.occurred_at, f.global_position) > ($3::date, $4::bigint)
         order by f.occurred_at, f.global_position
         limit ${PAGE}`,
        [query.from ?? null, query.to ?? null, after.date, after.position],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => toRecord(row, query.coding));
      const last = rows[rows.length - 1];
      after = { date: last.occurred_at, position: last.global_position };
    }
  }
}

function toRecord(row: ExportRow, coding: ExportFactsQuery['coding']): ExportRecord {
  const event = upcastRelationshipEvent({ type: row.event_type, data: row.data, metadata: row.metadata }) as FactEvent;
  const code = codeFactEvent(event);
  const data = event.data as { category?: string; status?: string };
  return {
    id: row.event_id,
    date: row.occurred_at,
    dyad: event.data.dyad,
    actor: code.actor,
    recipient: code.recipient,
    factType: event.type,
    category: data.category ?? null,
    status: data.status ?? null,
    type: coding === 'plover' ? code.plover.type : code.cameo,
    mode: coding === 'plover' ? code.plover.mode : code.cameoName,
    goldstein: code.goldstein,
    sourceUrl: row.url,
    sourceTitle: row.title,
    quote: event.metadata.evidence.quote,
    articleId: event.metadata.articleId,
  };
}
