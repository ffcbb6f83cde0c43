import { deciderSpecification } from '@dyad/platform/testing/decider-specification';
import { randomUUID } from 'node:crypto';
import { SubscriptionsError } from './subscriptions.errors';
import { decideWebhook, evolveWebhook, initialWebhookState, type WebhookCommand, type WebhookState } from './webhook.decider';
import type { WebhookEvent } from './webhook.events';

const spec = deciderSpecification<WebhookCommand, WebhookEvent, WebhookState>({
  decide: decideWebhook,
  evolve: evolveWebhook,
  initialState: () => initialWebhookState,
});
const now = new Date('2026-01-01T00:00:00Z');
const metadata = { recordedAt: now.toISOString(), schemaVersion: 1 };

function registration(webhookId = randomUUID()): WebhookEvent {
  return { type: 'WebhookRegistered', data: { webhookId, url: 'https://example.org/hook', secret: 'whsec_x', filter: {} }, metadata };
}

describe('webhook decider', () => {
  it('should register when the id is new', () => {
    const webhookId = randomUUID();
    spec
      .given([])
      .when({ type: 'RegisterWebhook', webhookId, url: 'https://example.org/hook', secret: 'whsec_x', filter: {}, now })
      .then([registration(webhookId)]);
  });

  it('should delete when the webhook is active', () => {
    const registered = registration();
    const webhookId = (registered.data as { webhookId: string }).webhookId;
    spec.given([registered]).when({ type: 'DeleteWebhook', webhookId, now }).then([{ type: 'WebhookDeleted', data: { webhookId }, metadata }]);
  });

  it('should refuse with WEBHOOK_NOT_FOUND when the webhook was never registered or is deleted already', () => {
    const notFound = (error: unknown) => error instanceof SubscriptionsError && error.code === 'SUBSCRIPTIONS.WEBHOOK_NOT_FOUND';
    const registered = registration();
    const webhookId = (registered.data as { webhookId: string }).webhookId;
    spec.given([]).when({ type: 'DeleteWebhook', webhookId, now }).then(notFound);
    spec.given([registered, { type: 'WebhookDeleted', data: { webhookId }, metadata }]).when({ type: 'DeleteWebhook', webhookId, now }).then(notFound);
  });
});
