import { RequiresScope, ZodValidationPipe } from '@dyad/platform';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ExportFactsQuery, type ExportRecord } from '../application/queries/export-facts/export-facts.query';
import { exportQuerySchema } from './relationship-queries.dto';

const COLUMNS: readonly (keyof ExportRecord)[] = [
  'id', 'date', 'dyad', 'actor', 'recipient', 'factType', 'category', 'status', 'type', 'mode', 'goldstein',
  'sourceUrl', 'sourceTitle', 'quote', 'articleId',
];

@ApiTags('export')
@RequiresScope('read')
@Controller('v1/export')
export class ExportController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Facts as event data (actor, recipient, PLOVER type and mode or CAMEO code and name, Goldstein, date, source, quote)',
    description: 'CSV by default, JSON lines with output=jsonl. Streamed: any size.',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiQuery({ name: 'format', required: false, enum: ['plover', 'cameo'] })
  @ApiQuery({ name: 'output', required: false, enum: ['csv', 'jsonl'] })
  @ApiQuery({ name: 'from', required: false, example: '2025-01-01' })
  @ApiQuery({ name: 'to', required: false, example: '2025-12-31' })
  async export(
    @Query(new ZodValidationPipe(exportQuerySchema)) query: z.infer<typeof exportQuerySchema>,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const pages: AsyncIterable<ExportRecord[]> = await this.queryBus.execute(new ExportFactsQuery(query.format, query.from, query.to));
    const csv = query.output === 'csv';
    // A stream reads the next page only when the client took the last one.
    await response
      .status(200)
      .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
      .send(Readable.from(exportLines(pages, csv)));
  }
}

async function* exportLines(pages: AsyncIterable<ExportRecord[]>, csv: boolean): AsyncGenerator<string> {
  if (csv) yield `${COLUMNS.join(',')}\n`;
  for await (const records of pages) {
    const lines = records.map((record) => (csv ? COLUMNS.map((column) => csvCell(record[column])).join(',') : JSON.stringify(record)));
    yield `${lines.join('\n')}\n`;
  }
}

// RFC 4180: quote every field that holds a comma, a quote or a line break.
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
