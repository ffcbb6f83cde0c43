import { DATABASE, DYAD_CONFIG, DyadMetrics, LOGGER, type Database, type DyadConfig } from '@dyad/platform';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import { COMMITMENT_CHANGED } from '../domain/commitment-change';
import { nextRetryDelayMs, outcomeOfStatus, type AttemptOutcome, type RetryPolicy } from '../domain/retry-schedule';
import { messageIdOf, WEBHOOK_DELIVERIES, type AttemptRecord, type ClaimedDelivery, type WebhookDeliveries } from '../application/ports/webhook-deliveries.port';
import { FeedLoop } from './feed-loop';
import { ForbiddenAddressError } from './guarded-lookup';
import { sendWebhook } from './http-webhook-sender';

// Attempts in flight at once per worker: a slow receiver holds one slot, not the whole queue.
const CONCURRENCY = 64;
// Due retries are found by polling; new changes wake the loop through the feed's NOTIFY.
const POLL_MS = 200;
// A claim outlives the attempt's deadline by this much before another worker may take it over.
const CLAIM_MARGIN_MS = 2_000;

// Delivers the pending rows of webhook_deliveries. State lives in the table only: a worker that
// stops (or dies) mid-attempt leaves its claim to lapse, and the delivery is tried again, by
// any worker, with the same webhook-id.
@Injectable()
export class WebhookDeliverer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop: FeedLoop;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly finished: Array<{ delivery: ClaimedDelivery; attempt: AttemptRecord }> = [];
  private flushing: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private readonly policy: RetryPolicy;

  constructor(
    @Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveries,
    @Inject(DATABASE) database: Database,
    @Inject(DYAD_CONFIG) private readonly config: DyadConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: DyadMetrics,
  ) {
    // Every attempt in flight listens to the one abort signal.
    setMaxListeners(CONCURRENCY + 1, this.abort.signal);
    this.policy = {
      maxAttempts: config.DYAD_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: config.DYAD_WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: config.DYAD_WEBHOOK_RETRY_MAX_MS,
    };
    this.loop = new FeedLoop({
      database,
      pollMs: POLL_MS,
      step: () => this.step(),
      onError: (error) => this.logger.warn({ err: error }, 'Webhooks: claiming deliveries failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.loop.start();
  }

  // Attempts in flight are abandoned, not recorded: exactly what a crash leaves behind.
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
    await this.flushing;
  }

  private async step(): Promise<boolean> {
    const room = CONCURRENCY - this.inFlight.size;
    if (room <= 0 || this.abort.signal.aborted) return false;
    const claimed = await this.deliveries.claimDue(room, this.config.DYAD_WEBHOOK_TIMEOUT_MS + CLAIM_MARGIN_MS);
    for (const delivery of claimed) {
      const attempt = this.attempt(delivery).finally(() => {
        this.inFlight.delete(attempt);
        this.loop.ring();
      });
      this.inFlight.add(attempt);
    }
    return claimed.length === room;
  }

  // Outcomes that finish while a flush runs go with the next one: one transaction per burst.
  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.finished.length > 0) this.scheduleFlush();
    });
  }

  private async flush(): Promise<void> {
    while (this.finished.length > 0) {
      const batch = this.finished.splice(0);
      try {
        await this.deliveries.record(batch);
      } catch (error) {
        // The claims lapse and the deliveries are tried again: at least once.
        this.logger.warn({ err: error, outcomes: batch.length }, 'Webhooks: recording attempts failed');
      }
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    let outcome: AttemptOutcome;
    let refused = false;
    try {
      const status = await sendWebhook({
        url: delivery.url,
        secret: delivery.secret,
        messageId: messageIdOf(delivery.webhookId, delivery.change.position),
        body: JSON.stringify({ type: COMMITMENT_CHANGED, timestamp: delivery.change.recordedAt, data: delivery.change }),
        timeoutMs: this.config.DYAD_WEBHOOK_TIMEOUT_MS,
        allowPrivate: this.config.DYAD_WEBHOOK_ALLOW_PRIVATE,
        signal: this.abort.signal,
      });
      outcome = outcomeOfStatus(status);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      refused = error instanceof ForbiddenAddressError;
      outcome = { kind: 'failed', statusCode: null, error: error instanceof Error ? error.message : String(error) };
    }
    const retryInMs = outcome.kind === 'delivered' ? null : nextRetryDelayMs(this.policy, delivery.attempt, Math.random(), delivery.attemptLimit ?? undefined);
    const durationMs = performance.now() - started;
    this.finished.push({ delivery, attempt: { startedAt, durationMs, outcome, retryInMs } });
    this.metrics.webhookDeliveryDuration.observe(durationMs / 1000);
    const counted = outcome.kind === 'delivered' ? 'delivered' : refused ? 'refused' : retryInMs === null ? 'dead_lettered' : 'failed';
    this.metrics.webhookDeliveries.inc({ outcome: counted });
    this.scheduleFlush();
    if (outcome.kind === 'failed' && retryInMs === null) {
      this.logger.warn({ webhookId: delivery.webhookId, delivery: delivery.change.position, error: outcome.error }, 'Webhook delivery dead-lettered');
    }
  }
}
