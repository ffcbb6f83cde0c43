import { DYAD_CONFIG, type DyadConfig, RequiresScope, SharedBodies, ZodValidationPipe } from '@dyad/platform';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseKnownDyad } from '../application/countries';
import { GetCommitmentQuery } from '../application/queries/get-commitment/get-commitment.query';
import { GetRelationshipStateJsonQuery } from '../application/queries/get-relationship-state/get-relationship-state.query';
import { GetTimelineQuery } from '../application/queries/get-timeline/get-timeline.query';
import { ListCommitmentsQuery } from '../application/queries/list-commitments/list-commitments.query';
import { ListRelationshipsQuery } from '../application/queries/list-relationships/list-relationships.query';
import { COMMITMENT_CATEGORIES, COMMITMENT_STATUSES } from '../domain/facts';
import { commitmentsQuerySchema, listQuerySchema, stateQuerySchema, timelineQuerySchema, uuidSchema } from './relationship-queries.dto';

const dyadParam = { name: 'dyad', example: 'RU-SY', description: 'two ISO 3166-1 alpha-2 codes joined by "-", in any order' };
const minPositionQuery = {
  name: 'minPosition',
  required: false,
  description: 'a log position returned by a write: the answer waits until it includes that write (503 with Retry-After if it cannot in time)',
};

@ApiTags('relationships')
@RequiresScope('read')
@Controller('v1')
export class RelationshipsController {
  // A view now is the same text for every reader until its dyad changes: compressed once, for
  // as many views as the view cache keeps (plus their compressed copies, about a fifth).
  private readonly currentViews: SharedBodies;

  constructor(
    private readonly queryBus: QueryBus,
    @Inject(DYAD_CONFIG) config: DyadConfig,
  ) {
    this.currentViews = new SharedBodies(config.DYAD_VIEW_CACHE_MB * 1024 * 1024 * 1.25);
  }

  @Get('relationships')
  @ApiOperation({ summary: 'Every dyad Dyad knows, with a summary of its current state' })
  @ApiQuery({ name: 'country', required: false, example: 'RU' })
  list(@Query(new ZodValidationPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>) {
    return this.queryBus.execute(new ListRelationshipsQuery(query.country));
  }

  @Get('relationships/:dyad')
  @ApiOperation({
    summary: 'State of a relationship: meetings, delegations, commitments, tensions, score',
    description:
      'asOf is valid time (what had happened by then); knownAt is knowledge time (what Dyad had learnt by then, retractions included). Both default to now.',
  })
  @ApiParam(dyadParam)
  @ApiQuery({ name: 'asOf', required: false, example: '2025-10-15' })
  @ApiQuery({ name: 'knownAt', required: false, example: '2025-10-16T12:00:00Z' })
  @ApiQuery(minPositionQuery)
  @ApiResponse({ status: 404, description: 'nothing is known about this dyad' })
  async state(
    @Param('dyad') dyad: string,
    @Query(new ZodValidationPipe(stateQuerySchema)) query: z.infer<typeof stateQuerySchema>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<string | Buffer> {
    const json: string = await this.queryBus.execute(new GetRelationshipStateJsonQuery(dyad, query.asOf, query.knownAt, query.minPosition));
    response.type('application/json');
    if (query.asOf || query.knownAt) return json;
    const { body, encoding } = this.currentViews.encode(parseKnownDyad(dyad), json, request.headers['accept-encoding']);
    response.header('vary', 'accept-encoding');
    if (encoding) response.header('content-encoding', encoding);
    return body;
  }

  @Get('relationships/:dyad/timeline')
  @ApiOperation({ summary: 'The standing facts of a relationship in valid-time order' })
  @ApiParam(dyadParam)
  @ApiQuery({ name: 'from', required: false, example: '2025-01-01' })
  @ApiQuery({ name: 'to', required: false, example: '2025-12-31' })
  @ApiQuery(minPositionQuery)
  timeline(@Param('dyad') dyad: string, @Query(new ZodValidationPipe(timelineQuerySchema)) query: z.infer<typeof timelineQuerySchema>) {
    return this.queryBus.execute(new GetTimelineQuery(dyad, query.from, query.to, query.minPosition));
  }

  @Get('relationships/:dyad/commitments')
  @ApiOperation({ summary: 'The commitments of a relationship, by status and category' })
  @ApiParam(dyadParam)
  @ApiQuery({ name: 'status', required: false, enum: COMMITMENT_STATUSES })
  @ApiQuery({ name: 'category', required: false, enum: COMMITMENT_CATEGORIES })
  @ApiQuery(minPositionQuery)
  commitments(
    @Param('dyad') dyad: string,
    @Query(new ZodValidationPipe(commitmentsQuerySchema)) query: z.infer<typeof commitmentsQuerySchema>,
  ) {
    return this.queryBus.execute(new ListCommitmentsQuery(dyad, query.status, query.category, query.minPosition));
  }

  @Get('commitments/:id')
  @ApiOperation({ summary: 'One commitment and its status history, each change with its article and evidence' })
  @ApiParam({ name: 'id', format: 'uuid' })
  commitment(@Param('id', new ZodValidationPipe(uuidSchema)) id: string) {
    return this.queryBus.execute(new GetCommitmentQuery(id));
  }
}
