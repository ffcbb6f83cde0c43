import { formatLogCheckpoint, type LogCheckpoint, type SqlExecutor, type StoredEvent } from '@dyad/platform';
import {
  dyadOfStream,
  RELATIONSHIP_EVENT_TYPES,
  upcastRelationshipEvent,
  type FactEvent,
  type RelationshipEvent,
  type RelationshipEventType,
} from '@dyad/relations';
import { matchesFilter, type ChangeFilter } from '../../../domain/change-filter';
import type { CommitmentChange } from '../../../domain/commitment-change';
import { commitmentIdOf, deriveCommitmentChange } from '../../../domain/derive-commitment-change';
import { isWebhookStream, type WebhookEvent } from '../../../domain/webhook.events';
import { LRUCache } from 'lru-cache';
import { commitmentView, findCommitmentFact, loadCommitmentFacts } from './commitment-facts';

// Facts of recently changed commitments kept in memory (about 1.5 KB each): a commitment's
// facts would otherwise be read and parsed again, all of them, for each of its events.
const MAX_KEPT_FACTS = 100_000;

interface LiveWebhook {
  readonly webhook_id: string;
  readonly filter: ChangeFilter;
}

// Folds the log, in its order, into the commitment-change feed: one row per change, and one
// pending delivery per change for each webhook registered before it (in log order) and
// matching it. Webhook registrations are read here too, so that "registered before" is exact.
export class CommitmentChangesProjection {
  // The live webhooks, read once per transaction: only a webhook event applied in that
  // transaction changes them (the feed applies its batches one at a time, under its checkpoint's
  // lock), and it drops them to be read again.
  private readonly webhooksOf = new WeakMap<SqlExecutor, Promise<readonly LiveWebhook[]>>();
  // Each commitment's facts as committed, and as a transaction in flight has changed them until
  // it commits (a rolled-back batch leaves nothing behind). They hold while no other process has
  // moved the feed: `keptAt` is where this one left it.
  private readonly keptFacts = new LRUCache<string, readonly FactEvent[]>({ maxSize: MAX_KEPT_FACTS, sizeCalculation: (facts) => Math.max(facts.length, 1) });
  private readonly changedFacts = new WeakMap<SqlExecutor, Map<string, readonly FactEvent[]>>();
  private keptAt: string | null = null;

  // A batch starts from `done`, the feed's checkpoint under its lock.
  startBatch(done: LogCheckpoint | null): void {
    const at = done ? formatLogCheckpoint(done) : null;
    if (at !== this.keptAt) this.keptFacts.clear();
    this.keptAt = at;
  }

  // The batch applied in `tx` committed, up to `last`.
  batchCommitted(tx: SqlExecutor, last: LogCheckpoint): void {
    for (const [commitmentId, facts] of this.changedFacts.get(tx) ?? []) this.keptFacts.set(commitmentId, facts);
    this.changedFacts.delete(tx);
    this.keptAt = formatLogCheckpoint(last);
  }

  // Resolves the change the event made, if any.
  async apply(tx: SqlExecutor, event: StoredEvent): Promise<CommitmentChange | null> {
    if (isWebhookStream(event.streamId)) {
      await this.applyWebhookEvent(tx, event as unknown as StoredEvent & WebhookEvent);
      return null;
    }
    const dyad = dyadOfStream(event.streamId);
    if (!dyad || !RELATIONSHIP_EVENT_TYPES.includes(event.type as RelationshipEventType)) return null;
    const { type, data, metadata } = upcastRelationshipEvent(event);
    const relationshipEvent = { type, data, metadata } as RelationshipEvent;

    let commitmentId: string | null;
    let retracted: FactEvent | undefined;
    if (relationshipEvent.type === 'FactRetracted') {
      const fact = await findCommitmentFact(tx, relationshipEvent.data.factId);
      if (!fact) return null;
      commitmentId = fact.commitmentId;
      retracted = fact.event;
    } else {
      commitmentId = commitmentIdOf(relationshipEvent);
    }
    if (!commitmentId) return null;

    const before = await this.factsOf(tx, commitmentId);
    let after: readonly FactEvent[];
    if (retracted) {
      await tx.query('delete from commitment_feed_facts where fact_id = $1', [retracted.data.factId]);
      after = before.filter((fact) => fact.data.factId !== retracted.data.factId);
    } else {
      const fact = relationshipEvent as FactEvent;
      await tx.query(
        `insert into commitment_feed_facts (fact_id, commitment_id, event, transaction_id, global_position)
         values ($1, $2, $3, $4::xid8, $5) on conflict (fact_id) do nothing`,
        [fact.data.factId, commitmentId, JSON.stringify(fact), event.transactionId.toString(), event.globalPosition.toString()],
      );
      after = [...before, fact];
    }
    this.changedIn(tx).set(commitmentId, after);

    const change = deriveCommitmentChange({
      position: formatLogCheckpoint(event),
      event: relationshipEvent,
      retracted,
      before: commitmentView(dyad, before, commitmentId),
      after: commitmentView(dyad, after, commitmentId),
    });
    if (change) await this.record(tx, event, change);
    return change;
  }

  private async record(tx: SqlExecutor, event: StoredEvent, change: CommitmentChange): Promise<void> {
    const position = [event.transactionId.toString(), event.globalPosition.toString()];
    await tx.query(
      `insert into commitment_changes (transaction_id, global_position, commitment_id, dyad, change)
       values ($1::xid8, $2, $3, $4, $5) on conflict do nothing`,
      [...position, change.commitmentId, change.dyad, JSON.stringify(change)],
    );
    const matching = (await this.liveWebhooks(tx)).filter((webhook) => matchesFilter(webhook.filter, change)).map((webhook) => webhook.webhook_id);
    if (matching.length === 0) return;
    await tx.query(
      `insert into webhook_deliveries (webhook_id, transaction_id, global_position)
       select w, $2::xid8, $3 from unnest($1::uuid[]) as w on conflict do nothing`,
      [matching, ...position],
    );
  }

  private async factsOf(tx: SqlExecutor, commitmentId: string): Promise<readonly FactEvent[]> {
    return this.changedIn(tx).get(commitmentId) ?? this.keptFacts.get(commitmentId) ?? loadCommitmentFacts(tx, commitmentId);
  }

  private changedIn(tx: SqlExecutor): Map<string, readonly FactEvent[]> {
    let changed = this.changedFacts.get(tx);
    if (!changed) this.changedFacts.set(tx, (changed = new Map()));
    return changed;
  }

  private liveWebhooks(tx: SqlExecutor): Promise<readonly LiveWebhook[]> {
    let webhooks = this.webhooksOf.get(tx);
    if (!webhooks) {
      webhooks = tx
        .query<LiveWebhook>('select webhook_id, filter from webhooks where deleted_at is null')
        .then(({ rows }) => rows);
      this.webhooksOf.set(tx, webhooks);
    }
    return webhooks;
  }

  private async applyWebhookEvent(tx: SqlExecutor, event: WebhookEvent): Promise<void> {
    this.webhooksOf.delete(tx);
    switch (event.type) {
      case 'WebhookRegistered':
        await tx.query(
          `insert into webhooks (webhook_id, url, secret, filter, registered_at) values ($1, $2, $3, $4, $5)
           on conflict (webhook_id) do nothing`,
          [event.data.webhookId, event.data.url, event.data.secret, JSON.stringify(event.data.filter), event.metadata.recordedAt],
        );
        return;
      case 'WebhookDeleted':
        await tx.query('update webhooks set deleted_at = $2 where webhook_id = $1 and deleted_at is null', [
          event.data.webhookId,
          event.metadata.recordedAt,
        ]);
        await tx.query(`update webhook_deliveries set state = 'cancelled' where webhook_id = $1 and state = 'pending'`, [
          event.data.webhookId,
        ]);
        return;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  }
}
