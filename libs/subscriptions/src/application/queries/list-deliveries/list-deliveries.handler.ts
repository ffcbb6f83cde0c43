import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { webhookNotFound } from '../../../domain/webhook.decider';
import { WEBHOOK_DELIVERIES, type DeliveryView, type WebhookDeliveries } from '../../ports/webhook-deliveries.port';
import { ListDeliveriesQuery } from './list-deliveries.query';

// Newest first: the attempts and outcomes of each delivery, dead letters included.
@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery, { deliveries: DeliveryView[] }> {
  constructor(@Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveries) {}

  async execute({ webhookId, state, limit }: ListDeliveriesQuery): Promise<{ deliveries: DeliveryView[] }> {
    if (!(await this.deliveries.isActive(webhookId))) throw webhookNotFound(webhookId);
    return { deliveries: await this.deliveries.list(webhookId, state, limit) };
  }
}
