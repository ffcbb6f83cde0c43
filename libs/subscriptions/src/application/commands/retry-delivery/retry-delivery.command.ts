export class RetryDeliveryCommand {
  constructor(
    readonly webhookId: string,
    readonly deliveryId: string,
  ) {}
}
