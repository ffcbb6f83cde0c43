// Reasons the subscriptions context refuses a request. Codes are stable; the HTTP filter maps
// INVALID_* to 400, *_NOT_FOUND to 404, *_ALREADY_* to 409 and other refusals to 422.
export type SubscriptionsErrorCode =
  | 'SUBSCRIPTIONS.INVALID_WEBHOOK_URL'
  | 'SUBSCRIPTIONS.INVALID_WEBHOOK_SECRET'
  | 'SUBSCRIPTIONS.WEBHOOK_URL_FORBIDDEN'
  | 'SUBSCRIPTIONS.WEBHOOK_URL_UNRESOLVABLE'
  | 'SUBSCRIPTIONS.WEBHOOK_NOT_FOUND'
  | 'SUBSCRIPTIONS.WEBHOOK_ALREADY_REGISTERED'
  | 'SUBSCRIPTIONS.DELIVERY_NOT_FOUND'
  | 'SUBSCRIPTIONS.DELIVERY_ALREADY_IN_FLIGHT';

export class SubscriptionsError extends Error {
  constructor(
    readonly code: SubscriptionsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
