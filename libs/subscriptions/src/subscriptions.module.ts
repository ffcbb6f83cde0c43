import { Module } from '@nestjs/common';
import { CommitmentSubscriptionsController } from './api/commitment-subscriptions.controller';
import { WebhooksController } from './api/webhooks.controller';
import { DeleteWebhookHandler } from './application/commands/delete-webhook/delete-webhook.handler';
import { RegisterWebhookHandler } from './application/commands/register-webhook/register-webhook.handler';
import { RetryDeliveryHandler } from './application/commands/retry-delivery/retry-delivery.handler';
import { CHANGE_STREAM, COMMITMENT_FEED } from './application/ports/commitment-feed.port';
import { WEBHOOK_DELIVERIES } from './application/ports/webhook-deliveries.port';
import { WEBHOOK_URL_GUARD } from './application/ports/webhook-url-guard.port';
import { ListDeliveriesHandler } from './application/queries/list-deliveries/list-deliveries.handler';
import { StreamCommitmentChangesHandler } from './application/queries/stream-commitment-changes/stream-commitment-changes.handler';
import { CommitmentChangeHub } from './infrastructure/commitment-change-hub';
import { CommitmentChangeRelay } from './infrastructure/commitment-change-relay';
import { CommitmentFeedRunner } from './infrastructure/commitment-feed.runner';
import { DnsWebhookUrlGuard } from './infrastructure/dns-webhook-url-guard.adapter';
import { SqlCommitmentFeed } from './infrastructure/sql-commitment-feed.adapter';
import { SqlWebhookDeliveries } from './infrastructure/sql-webhook-deliveries.adapter';
import { WebhookDeliverer } from './infrastructure/webhook-deliverer';

const stores = [
  { provide: COMMITMENT_FEED, useClass: SqlCommitmentFeed },
  { provide: WEBHOOK_DELIVERIES, useClass: SqlWebhookDeliveries },
];

// The API side: SSE (this process's hub tails the feed table) and webhook administration.
@Module({
  controllers: [CommitmentSubscriptionsController, WebhooksController],
  providers: [
    ...stores,
    CommitmentChangeHub,
    { provide: CHANGE_STREAM, useExisting: CommitmentChangeHub },
    { provide: WEBHOOK_URL_GUARD, useClass: DnsWebhookUrlGuard },
    StreamCommitmentChangesHandler,
    ListDeliveriesHandler,
    RegisterWebhookHandler,
    DeleteWebhookHandler,
    RetryDeliveryHandler,
  ],
})
export class SubscriptionsModule {}

// The worker side: the feed projection from the log, its relay to dyad.commitment-changes.v1,
// and webhook delivery. Any number of workers.
@Module({ providers: [...stores, CommitmentFeedRunner, CommitmentChangeRelay, WebhookDeliverer] })
export class SubscriptionsWorkerModule {}
