import { DYAD_CONFIG, EVENT_STORE, handleCommand, type DyadConfig, type EventStore, type LogCheckpoint } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideWebhook, evolveWebhook, initialWebhookState } from '../../../domain/webhook.decider';
import { webhookStreamId, type WebhookEvent } from '../../../domain/webhook.events';
import { awaitFeed } from '../../await-feed';
import { COMMITMENT_FEED, type CommitmentFeed } from '../../ports/commitment-feed.port';
import { DeleteWebhookCommand } from './delete-webhook.command';

// Deliveries not yet made are cancelled when the feed projection reads the deletion.
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand, void> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMMITMENT_FEED) private readonly feed: CommitmentFeed,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  async execute({ webhookId }: DeleteWebhookCommand): Promise<void> {
    const streamId = webhookStreamId(webhookId);
    const written = await handleCommand<LogCheckpoint | null>(this.store, [streamId], (streams) => {
      const state = (streams.get(streamId)?.events ?? []).reduce(
        (current, event) => evolveWebhook(current, event as unknown as WebhookEvent),
        initialWebhookState,
      );
      const events = decideWebhook({ type: 'DeleteWebhook', webhookId, now: new Date() }, state);
      return { appends: [{ streamId, events }], result: (appended) => appended.lastCheckpoint };
    });
    await awaitFeed(this.feed, written, this.config.DYAD_READ_WAIT_MS);
  }
}
