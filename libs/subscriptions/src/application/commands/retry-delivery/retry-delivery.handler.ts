import { parseLogCheckpoint } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SubscriptionsError } from '../../../domain/subscriptions.errors';
import { webhookNotFound } from '../../../domain/webhook.decider';
import { WEBHOOK_DELIVERIES, type DeliveryView, type WebhookDeliveries } from '../../ports/webhook-deliveries.port';
import { RetryDeliveryCommand } from './retry-delivery.command';

// One more try now, whatever the delivery's state (a dead letter, or a delivery to send again):
// same message id, so a receiver that has it already can drop it. A failure of this try goes
// back to the dead-letter list without further retries.
@CommandHandler(RetryDeliveryCommand)
export class RetryDeliveryHandler implements ICommandHandler<RetryDeliveryCommand, DeliveryView> {
  constructor(@Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveries) {}

  async execute({ webhookId, deliveryId }: RetryDeliveryCommand): Promise<DeliveryView> {
    if (!(await this.deliveries.isActive(webhookId))) throw webhookNotFound(webhookId);
    const checkpoint = parseDeliveryId(deliveryId);
    const notFound = new SubscriptionsError('SUBSCRIPTIONS.DELIVERY_NOT_FOUND', `No delivery ${deliveryId} for this webhook`, {
      webhookId,
      deliveryId,
    });
    if (!checkpoint || !(await this.deliveries.find(webhookId, checkpoint))) throw notFound;
    if (!(await this.deliveries.retry(webhookId, checkpoint))) {
      throw new SubscriptionsError('SUBSCRIPTIONS.DELIVERY_ALREADY_IN_FLIGHT', 'An attempt of this delivery is in flight', {
        webhookId,
        deliveryId,
      });
    }
    return (await this.deliveries.find(webhookId, checkpoint)) ?? Promise.reject(notFound);
  }
}

// A delivery id is the position of its change; anything else names no delivery.
function parseDeliveryId(deliveryId: string) {
  try {
    return parseLogCheckpoint(deliveryId);
  } catch {
    return null;
  }
}
