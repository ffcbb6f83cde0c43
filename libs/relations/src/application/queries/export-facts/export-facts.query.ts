import { Query } from '@nestjs/cqrs';

export type ExportCoding = 'plover' | 'cameo';

export interface ExportRecord {
  readonly id: string;
  readonly date: string;
  readonly dyad: string;
  readonly actor: string;
  readonly recipient: string;
  readonly factType: string;
  readonly category: string | null;
  readonly status: string | null;
  readonly type: string; // PLOVER event type, or CAMEO code
  readonly mode: string | null; // PLOVER mode, or CAMEO name
  readonly goldstein: number;
  readonly sourceUrl: string | null;
  readonly sourceTitle: string | null;
  readonly quote: string;
  readonly articleId: string;
}

// The standing facts (not corroborations, not retracted) as event data records, page by page.
export class ExportFactsQuery extends Query<AsyncIterable<ExportRecord[]>> {
  constructor(
    readonly coding: ExportCoding,
    readonly from?: string,
    readonly to?: string,
  ) {
    super();
  }
}
