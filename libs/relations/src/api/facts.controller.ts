import { plainText, RequiresScope, ZodValidationPipe } from '@dyad/platform';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RetractFactCommand, type FactRetraction } from '../application/commands/retract-fact/retract-fact.command';

const retractionSchema = z.strictObject({ reason: plainText(2_000) });

@ApiTags('relationships')
@RequiresScope('admin')
@Controller('v1/facts')
export class FactsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':eventId/retractions')
  @HttpCode(201)
  @ApiOperation({
    summary: "An analyst's correction: the fact leaves the state from now on; a knownAt before now still shows it",
  })
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'the `id` of a FACT' })
  @ApiBody({ schema: z.toJSONSchema(retractionSchema) as object, examples: { wrong: { value: { reason: 'Misread: the visit was cancelled' } } } })
  @ApiResponse({ status: 404, description: 'no such fact' })
  @ApiResponse({ status: 409, description: 'already retracted' })
  retract(
    @Param('eventId', new ParseUUIDPipe()) eventId: string,
    @Body(new ZodValidationPipe(retractionSchema)) body: z.infer<typeof retractionSchema>,
  ): Promise<FactRetraction> {
    return this.commandBus.execute(new RetractFactCommand(eventId, body.reason));
  }
}
