import type { ChangeFilter } from './change-filter';

// Events of the `webhook-<id>` stream: a registration and its end. Deliveries are not events:
// they are operational state, kept in a table.
export const WEBHOOK_SCHEMA_VERSION = 1;

type Event<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: { readonly recordedAt: string; readonly schemaVersion: number };
}>;

export type WebhookRegistered = Event<'WebhookRegistered', { webhookId: string; url: string; secret: string; filter: ChangeFilter }>;
export type WebhookDeleted = Event<'WebhookDeleted', { webhookId: string }>;
export type WebhookEvent = WebhookRegistered | WebhookDeleted;

const STREAM_PREFIX = 'webhook-';

export function webhookStreamId(webhookId: string): string {
  return `${STREAM_PREFIX}${webhookId}`;
}

export function isWebhookStream(streamId: string): boolean {
  return streamId.startsWith(STREAM_PREFIX);
}
