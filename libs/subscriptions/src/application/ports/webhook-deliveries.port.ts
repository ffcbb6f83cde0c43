import type { LogCheckpoint } from '@dyad/platform';
import type { AttemptOutcome } from '../../domain/retry-schedule';
import type { CommitmentChange } from '../../domain/commitment-change';

export type DeliveryState = 'pending' | 'delivered' | 'dead' | 'cancelled';

export interface DeliveryAttemptView {
  readonly attempt: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly outcome: AttemptOutcome['kind'];
  readonly statusCode: number | null;
  readonly error: string | null;
}

export interface DeliveryView {
  // The change's position: unique per webhook.
  readonly id: string;
  readonly webhookId: string;
  // The `webhook-id` header of every attempt: receivers drop a repeat by it.
  readonly messageId: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly change: CommitmentChange;
  readonly history: readonly DeliveryAttemptView[];
}

// An attempt claimed by one worker: nobody else tries it until the claim lapses.
export interface ClaimedDelivery {
  readonly webhookId: string;
  readonly checkpoint: LogCheckpoint;
  readonly attempt: number;
  readonly attemptLimit: number | null;
  readonly url: string;
  readonly secret: string;
  readonly change: CommitmentChange;
}

export interface AttemptRecord {
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly outcome: AttemptOutcome;
  // Null when delivered, or when that was the last try (dead-letter).
  readonly retryInMs: number | null;
}

export interface WebhookDeliveries {
  isActive(webhookId: string): Promise<boolean>;
  list(webhookId: string, state: DeliveryState | undefined, limit: number): Promise<DeliveryView[]>;
  find(webhookId: string, checkpoint: LogCheckpoint): Promise<DeliveryView | null>;
  // Due again now, for one more try. False when an attempt is in flight.
  retry(webhookId: string, checkpoint: LogCheckpoint): Promise<boolean>;
  claimDue(limit: number, claimMs: number): Promise<ClaimedDelivery[]>;
  // Several outcomes in one transaction: attempts finish in bursts, and the embedded store
  // takes one transaction at a time.
  record(outcomes: ReadonlyArray<{ readonly delivery: ClaimedDelivery; readonly attempt: AttemptRecord }>): Promise<void>;
}

export const WEBHOOK_DELIVERIES = Symbol('WEBHOOK_DELIVERIES');

export function messageIdOf(webhookId: string, position: string): string {
  return `msg_${webhookId.replaceAll('-', '')}_${position}`;
}
