import { DATABASE, formatLogCheckpoint, type Database, type LogCheckpoint } from '@dyad/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { CommitmentChange } from '../domain/commitment-change';
import {
  messageIdOf,
  type AttemptRecord,
  type ClaimedDelivery,
  type DeliveryAttemptView,
  type DeliveryState,
  type DeliveryView,
  type WebhookDeliveries,
} from '../application/ports/webhook-deliveries.port';
import { checkpointOfRow } from './sql-commitment-feed.adapter';

type DeliveryRow = {
  webhook_id: string;
  transaction_id: bigint;
  global_position: bigint;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: Date;
  delivered_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  change: CommitmentChange;
  history: Array<Omit<DeliveryAttemptView, 'startedAt'> & { startedAt: string }>;
};

const DELIVERY_VIEW = `
  select d.webhook_id, d.transaction_id, d.global_position, d.state, d.attempts, d.next_attempt_at, d.delivered_at,
         d.last_status, d.last_error, d.created_at, c.change,
         coalesce((select jsonb_agg(jsonb_build_object('attempt', a.attempt, 'startedAt', a.started_at,
                     'durationMs', a.duration_ms, 'outcome', a.outcome, 'statusCode', a.status_code, 'error', a.error)
                     order by a.attempt)
                   from webhook_delivery_attempts a
                   where a.webhook_id = d.webhook_id and a.transaction_id = d.transaction_id
                     and a.global_position = d.global_position), '[]'::jsonb) as history
  from webhook_deliveries d
  join commitment_changes c on c.transaction_id = d.transaction_id and c.global_position = d.global_position`;

@Injectable()
export class SqlWebhookDeliveries implements WebhookDeliveries {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async isActive(webhookId: string): Promise<boolean> {
    const { rows } = await this.database.query('select 1 from webhooks where webhook_id = $1 and deleted_at is null', [webhookId]);
    return rows.length > 0;
  }

  async list(webhookId: string, state: DeliveryState | undefined, limit: number): Promise<DeliveryView[]> {
    const { rows } = await this.database.query<DeliveryRow>(
      `${DELIVERY_VIEW} where d.webhook_id = $1 and ($2::text is null or d.state = $2)
       order by d.transaction_id desc, d.global_position desc limit $3`,
      [webhookId, state ?? null, limit],
    );
    return rows.map(toView);
  }

  async find(webhookId: string, checkpoint: LogCheckpoint): Promise<DeliveryView | null> {
    const { rows } = await this.database.query<DeliveryRow>(
      `${DELIVERY_VIEW} where d.webhook_id = $1 and d.transaction_id = $2::xid8 and d.global_position = $3`,
      [webhookId, checkpoint.transactionId.toString(), checkpoint.globalPosition.toString()],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  // A delivery still under automatic retries keeps its remaining tries; any other gets one.
  async retry(webhookId: string, checkpoint: LogCheckpoint): Promise<boolean> {
    const { rowCount } = await this.database.query(
      `update webhook_deliveries
       set attempt_limit = case when state = 'pending' then attempt_limit else attempts + 1 end,
           state = 'pending', next_attempt_at = clock_timestamp(), claimed_until = null
       where webhook_id = $1 and transaction_id = $2::xid8 and global_position = $3
         and (claimed_until is null or claimed_until < clock_timestamp())`,
      [webhookId, checkpoint.transactionId.toString(), checkpoint.globalPosition.toString()],
    );
    return rowCount > 0;
  }

  // SKIP LOCKED: workers claiming together each get other rows; the claim's expiry hands a row
  // whose worker died to the next claim, attempt number and message id unchanged but one.
  async claimDue(limit: number, claimMs: number): Promise<ClaimedDelivery[]> {
    const { rows } = await this.database.query<{
      webhook_id: string;
      transaction_id: bigint;
      global_position: bigint;
      attempts: number;
      attempt_limit: number | null;
      url: string;
      secret: string;
      change: CommitmentChange;
    }>(
      `with due as (
         select webhook_id, transaction_id, global_position from webhook_deliveries
         where state = 'pending' and next_attempt_at <= clock_timestamp()
           and (claimed_until is null or claimed_until < clock_timestamp())
         order by next_attempt_at
         limit $1
         for update skip locked
       )
       update webhook_deliveries d
       set attempts = d.attempts + 1, claimed_until = clock_timestamp() + $2 * interval '1 millisecond'
       from due, webhooks w, commitment_changes c
       where d.webhook_id = due.webhook_id and d.transaction_id = due.transaction_id and d.global_position = due.global_position
         and w.webhook_id = d.webhook_id
         and c.transaction_id = d.transaction_id and c.global_position = d.global_position
       returning d.webhook_id, d.transaction_id, d.global_position, d.attempts, d.attempt_limit, w.url, w.secret, c.change`,
      [limit, claimMs],
    );
    return rows.map((row) => ({
      webhookId: row.webhook_id,
      checkpoint: checkpointOfRow(row),
      attempt: row.attempts,
      attemptLimit: row.attempt_limit,
      url: row.url,
      secret: row.secret,
      change: row.change,
    }));
  }

  // Applies only while the claim is this attempt's: a worker whose claim lapsed and was taken
  // over records its attempt but moves nothing.
  async record(outcomes: ReadonlyArray<{ readonly delivery: ClaimedDelivery; readonly attempt: AttemptRecord }>): Promise<void> {
    if (outcomes.length === 0) return;
    const column = <T>(pick: (entry: (typeof outcomes)[number]) => T) => outcomes.map(pick);
    const keys = [
      column(({ delivery }) => delivery.webhookId),
      column(({ delivery }) => delivery.checkpoint.transactionId.toString()),
      column(({ delivery }) => delivery.checkpoint.globalPosition.toString()),
      column(({ delivery }) => delivery.attempt),
    ];
    const outcome = column(({ attempt }) => attempt.outcome);
    const statusCodes = outcome.map((o) => o.statusCode);
    const errors = outcome.map((o) => (o.kind === 'failed' ? o.error : null));
    await this.database.transaction(async (tx) => {
      await tx.query(
        `insert into webhook_delivery_attempts
           (webhook_id, transaction_id, global_position, attempt, started_at, duration_ms, outcome, status_code, error)
         select u.webhook_id, u.transaction_id::xid8, u.global_position, u.attempt, u.started_at, u.duration_ms, u.outcome, u.status_code, u.error
         from unnest($1::uuid[], $2::text[], $3::bigint[], $4::int[], $5::timestamptz[], $6::int[], $7::text[], $8::int[], $9::text[])
           as u(webhook_id, transaction_id, global_position, attempt, started_at, duration_ms, outcome, status_code, error)
         on conflict do nothing`,
        [
          ...keys,
          column(({ attempt }) => attempt.startedAt.toISOString()),
          column(({ attempt }) => Math.round(attempt.durationMs)),
          outcome.map((o) => o.kind),
          statusCodes,
          errors,
        ],
      );
      await tx.query(
        `update webhook_deliveries d
         set state = u.state, claimed_until = null, last_status = u.status_code, last_error = u.error,
             next_attempt_at = clock_timestamp() + coalesce(u.retry_ms, 0) * interval '1 millisecond',
             delivered_at = case when u.state = 'delivered' then clock_timestamp() else d.delivered_at end
         from unnest($1::uuid[], $2::text[], $3::bigint[], $4::int[], $5::text[], $6::int[], $7::text[], $8::int[])
           as u(webhook_id, transaction_id, global_position, attempt, state, status_code, error, retry_ms)
         where d.webhook_id = u.webhook_id and d.transaction_id = u.transaction_id::xid8
           and d.global_position = u.global_position and d.attempts = u.attempt and d.state = 'pending'`,
        [...keys, column(({ attempt }) => stateAfter(attempt)), statusCodes, errors, column(({ attempt }) => attempt.retryInMs)],
      );
    });
  }
}

function stateAfter(attempt: AttemptRecord): DeliveryState {
  if (attempt.outcome.kind === 'delivered') return 'delivered';
  return attempt.retryInMs === null ? 'dead' : 'pending';
}

function toView(row: DeliveryRow): DeliveryView {
  const position = formatLogCheckpoint(checkpointOfRow(row));
  return {
    id: position,
    webhookId: row.webhook_id,
    messageId: messageIdOf(row.webhook_id, position),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at.toISOString() : null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    change: row.change,
    history: row.history.map((entry) => ({ ...entry, startedAt: new Date(entry.startedAt).toISOString() })),
  };
}
