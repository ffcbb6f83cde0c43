import { RequiresScope, ZodValidationPipe } from '@dyad/platform';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IngestArticleCommand, type IngestedFacts } from '../application/commands/ingest-article/ingest-article.command';
import { RetractArticleCommand, type ArticleRetraction } from '../application/commands/retract-article/retract-article.command';
import { GetArticleQuery } from '../application/queries/get-article/get-article.query';
import { articleSubmissionFrom } from './article-body';
import { articleJsonSchema } from './article-submission.dto';
import { retractionSchema, type RetractionBody } from './retraction.dto';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @RequiresScope('ingest')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ingest an article: 201 with its facts, or 200 with duplicate:true when it was ingested before',
  })
  @ApiConsumes('application/json', 'text/plain', 'text/html')
  @ApiBody({
    schema: z.toJSONSchema(articleJsonSchema) as object,
    examples: {
      seed: {
        value: {
          title: 'Syria and Russia strengthen their partnership',
          text: 'In Moscow, Syrian president Ahmad al-Sharaa met Russian president Vladimir Putin on Wednesday.',
          publishedAt: '2025-10-15',
          url: 'https://example.org/syria-russia',
        },
      },
    },
  })
  @ApiQuery({ name: 'title', required: false, description: 'for text/plain and text/html bodies' })
  @ApiQuery({ name: 'publishedAt', required: false, description: 'for text/plain and text/html bodies' })
  @ApiResponse({ status: 201, description: '{articleId, duplicate:false, position, language, events:[FACT]}' })
  @ApiResponse({ status: 200, description: 'the same article again: duplicate:true, the same facts' })
  @ApiResponse({ status: 413, description: 'text over the size limit' })
  @ApiResponse({ status: 415, description: 'content type not accepted' })
  @ApiResponse({ status: 422, description: 'text refused (empty, binary, unsupported language, future date)' })
  async ingest(@Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<IngestedFacts> {
    const result = await this.commandBus.execute(new IngestArticleCommand(articleSubmissionFrom(request)));
    if (result.duplicate) response.status(200);
    return result;
  }

  @Get(':id')
  @RequiresScope('read')
  @ApiOperation({ summary: 'An article and the facts extracted from it, with their evidence' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait until the read models reached this log position' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Query('minPosition') minPosition?: string): Promise<unknown> {
    return this.queryBus.execute(new GetArticleQuery(id, minPosition));
  }

  @Post(':id/retractions')
  @RequiresScope('admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Retract an article: every fact it alone supports leaves the state from now on (knownAt before now still shows them)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: z.toJSONSchema(retractionSchema) as object, examples: { correction: { value: { reason: 'The outlet withdrew the story' } } } })
  @ApiResponse({ status: 404, description: 'no such article' })
  @ApiResponse({ status: 409, description: 'already retracted' })
  retract(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(retractionSchema)) body: RetractionBody,
  ): Promise<ArticleRetraction> {
    return this.commandBus.execute(new RetractArticleCommand(id, body.reason));
  }
}
