// Refuses a webhook URL that is malformed or that resolves to an address Dyad must not call
// (DYAD_WEBHOOK_ALLOW_PRIVATE lifts the address rule). Throws a SubscriptionsError.
export interface WebhookUrlGuard {
  check(url: string): Promise<void>;
}

export const WEBHOOK_URL_GUARD = Symbol('WEBHOOK_URL_GUARD');
