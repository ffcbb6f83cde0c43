import { RequiresScope, ZodValidationPipe } from '@dyad/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { DeleteWebhookCommand } from '../application/commands/delete-webhook/delete-webhook.command';
import { RegisterWebhookCommand } from '../application/commands/register-webhook/register-webhook.command';
import { RetryDeliveryCommand } from '../application/commands/retry-delivery/retry-delivery.command';
import { ListDeliveriesQuery } from '../application/queries/list-deliveries/list-deliveries.query';
import { deliveriesQuerySchema, registerWebhookSchema, webhookIdSchema } from './subscriptions.dto';

const webhookIdParam = { name: 'id', format: 'uuid' };

@ApiTags('webhooks')
@RequiresScope('admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook for commitment changes',
    description:
      'Every matching change after the registration is POSTed, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), retried with backoff, dead-lettered after the last try. The secret (generated when absent) is returned here only.',
  })
  @ApiResponse({ status: 201, description: 'the webhook, with its id and secret' })
  @ApiResponse({ status: 422, description: 'the URL resolves to a private, loopback or link-local address, or does not resolve' })
  register(@Body(new ZodValidationPipe(registerWebhookSchema)) body: z.infer<typeof registerWebhookSchema>) {
    return this.commandBus.execute(new RegisterWebhookCommand(body.url, body.secret, body.filter));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe: deliveries not yet made are cancelled' })
  @ApiParam(webhookIdParam)
  async remove(@Param('id', new ZodValidationPipe(webhookIdSchema)) id: string): Promise<void> {
    await this.commandBus.execute(new DeleteWebhookCommand(id));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of a webhook, newest first, with every attempt and its outcome' })
  @ApiParam(webhookIdParam)
  deliveries(
    @Param('id', new ZodValidationPipe(webhookIdSchema)) id: string,
    @Query(new ZodValidationPipe(deliveriesQuerySchema)) query: z.infer<typeof deliveriesQuerySchema>,
  ) {
    return this.queryBus.execute(new ListDeliveriesQuery(id, query.state, query.limit));
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send one delivery again now (a dead letter, or one already delivered), with the same webhook-id' })
  @ApiParam(webhookIdParam)
  @ApiParam({ name: 'deliveryId', example: '1234.5678' })
  retry(@Param('id', new ZodValidationPipe(webhookIdSchema)) id: string, @Param('deliveryId') deliveryId: string) {
    return this.commandBus.execute(new RetryDeliveryCommand(id, deliveryId));
  }
}
