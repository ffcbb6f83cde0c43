import type { ChangeFilter } from './change-filter';
import { SubscriptionsError } from './subscriptions.errors';
import { WEBHOOK_SCHEMA_VERSION, type WebhookDeleted, type WebhookEvent, type WebhookRegistered } from './webhook.events';

export type WebhookState = { readonly status: 'none' } | { readonly status: 'active' | 'deleted'; readonly url: string };

export const initialWebhookState: WebhookState = { status: 'none' };

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', url: event.data.url };
    case 'WebhookDeleted':
      return state.status === 'none' ? state : { status: 'deleted', url: state.url };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export type WebhookCommand =
  | { readonly type: 'RegisterWebhook'; readonly webhookId: string; readonly url: string; readonly secret: string; readonly filter: ChangeFilter; readonly now: Date }
  | { readonly type: 'DeleteWebhook'; readonly webhookId: string; readonly now: Date };

// URL and secret are checked before (the URL needs DNS); the decider keeps the lifecycle:
// registered once, deleted once.
export function decideWebhook(command: WebhookCommand, state: WebhookState): WebhookEvent[] {
  const metadata = { recordedAt: command.now.toISOString(), schemaVersion: WEBHOOK_SCHEMA_VERSION };
  switch (command.type) {
    case 'RegisterWebhook': {
      if (state.status !== 'none') {
        throw new SubscriptionsError('SUBSCRIPTIONS.WEBHOOK_ALREADY_REGISTERED', 'This webhook id is taken', { webhookId: command.webhookId });
      }
      const { webhookId, url, secret, filter } = command;
      const registered: WebhookRegistered = { type: 'WebhookRegistered', data: { webhookId, url, secret, filter }, metadata };
      return [registered];
    }
    case 'DeleteWebhook': {
      if (state.status !== 'active') throw webhookNotFound(command.webhookId);
      const deleted: WebhookDeleted = { type: 'WebhookDeleted', data: { webhookId: command.webhookId }, metadata };
      return [deleted];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

export function webhookNotFound(webhookId: string): SubscriptionsError {
  return new SubscriptionsError('SUBSCRIPTIONS.WEBHOOK_NOT_FOUND', `No webhook ${webhookId}`, { webhookId });
}
