import { RequiresScope, ZodValidationPipe } from '@dyad/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AddAliasCommand, type AddedAlias } from '../application/commands/add-alias/add-alias.command';

const name = z.string().trim().min(2).max(200);
const aliasSchema = z.strictObject({
  canonical: name,
  aliases: z.array(name).min(1).max(50),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
});

@ApiTags('actors')
@Controller('v1/aliases')
export class AliasesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequiresScope('admin')
  @ApiOperation({
    summary: 'Teach the extractor other spellings of a person; articles ingested from now on resolve them to the canonical name',
  })
  @ApiBody({
    schema: z.toJSONSchema(aliasSchema) as object,
    examples: { sharaa: { value: { canonical: 'Ahmad al-Sharaa', aliases: ['Abu Mohammed al-Jolani'], country: 'SY' } } },
  })
  @ApiResponse({ status: 422, description: 'unknown country code' })
  add(@Body(new ZodValidationPipe(aliasSchema)) body: z.infer<typeof aliasSchema>): Promise<AddedAlias> {
    return this.commandBus.execute(new AddAliasCommand(body.canonical, body.aliases, body.country));
  }
}
