import type { DeliveryState } from '../../ports/webhook-deliveries.port';

export class ListDeliveriesQuery {
  constructor(
    readonly webhookId: string,
    readonly state: DeliveryState | undefined,
    readonly limit: number,
  ) {}
}
