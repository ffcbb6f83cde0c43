import { DYAD_CONFIG, EVENT_STORE, formatLogCheckpoint, handleCommand, type DyadConfig, type EventStore, type LogCheckpoint } from '@dyad/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomBytes, randomUUID } from 'node:crypto';
import { decideWebhook, evolveWebhook, initialWebhookState } from '../../../domain/webhook.decider';
import type { WebhookEvent } from '../../../domain/webhook.events';
import { webhookStreamId } from '../../../domain/webhook.events';
import { checkWebhookSecret, webhookSecretFrom } from '../../../domain/webhook-secret';
import { awaitFeed } from '../../await-feed';
import { COMMITMENT_FEED, type CommitmentFeed } from '../../ports/commitment-feed.port';
import { WEBHOOK_URL_GUARD, type WebhookUrlGuard } from '../../ports/webhook-url-guard.port';
import { RegisterWebhookCommand, type RegisteredWebhook } from './register-webhook.command';

// A webhook receives every matching change that follows its registration in the log.
@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, RegisteredWebhook> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WEBHOOK_URL_GUARD) private readonly guard: WebhookUrlGuard,
    @Inject(COMMITMENT_FEED) private readonly feed: CommitmentFeed,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
  ) {}

  async execute({ url, secret, filter }: RegisterWebhookCommand): Promise<RegisteredWebhook> {
    await this.guard.check(url);
    const chosenSecret = secret === undefined ? webhookSecretFrom(randomBytes(24)) : checkWebhookSecret(secret);
    const webhookId = randomUUID();
    const streamId = webhookStreamId(webhookId);
    const now = new Date();
    let written: LogCheckpoint | null = null;
    const registered = await handleCommand(this.store, [streamId], (streams) => {
      const state = (streams.get(streamId)?.events ?? []).reduce(
        (current, event) => evolveWebhook(current, event as unknown as WebhookEvent),
        initialWebhookState,
      );
      const events = decideWebhook({ type: 'RegisterWebhook', webhookId, url, secret: chosenSecret, filter, now }, state);
      return {
        appends: [{ streamId, events }],
        result: (appended): RegisteredWebhook => {
          written = appended.lastCheckpoint;
          return {
          id: webhookId,
          url,
          filter,
          secret: chosenSecret,
          createdAt: now.toISOString(),
          position: appended.lastCheckpoint && formatLogCheckpoint(appended.lastCheckpoint),
          };
        },
      };
    });
    await awaitFeed(this.feed, written, this.config.DYAD_READ_WAIT_MS);
    return registered;
  }
}
