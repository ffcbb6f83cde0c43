import { ReadModel, type ReadModelProjection, type SqlExecutor, type StoredEvent } from '@dyad/platform';
import { Injectable } from '@nestjs/common';
import { stateAt } from '../../../domain/relationship-view';
import { dyadOfStream } from '../../../domain/dyad-id';
import { loadRelationshipEvents } from './relationship-rows';

export const RELATIONSHIPS_READ_MODEL = 'relationships';

// Keeps every relationship event as a row, marks retracted facts, indexes commitments by id, and
// stores each dyad's current view so that "now" is one row read.
@Injectable()
@ReadModel()
export class RelationshipsProjection implements ReadModelProjection {
  readonly name = RELATIONSHIPS_READ_MODEL;

  async apply(tx: SqlExecutor, event: StoredEvent): Promise<void> {
    if (event.type === 'ArticleIngested') return recordSource(tx, event);
    const dyad = dyadOfStream(event.streamId);
    if (!dyad) return;
    await this.record(tx, dyad, event);
    await refreshView(tx, dyad, new Date());
  }

  // A rebuild refreshes each dyad once per batch instead of once per event.
  async applyBatch(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.type === 'ArticleIngested') await recordSource(tx, event);
      const dyad = dyadOfStream(event.streamId);
      if (!dyad) continue;
      await this.record(tx, dyad, event);
      touched.add(dyad);
    }
    const now = new Date();
    for (const dyad of touched) await refreshView(tx, dyad, now);
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('truncate relationship_facts, relationships, commitment_dyads, article_sources');
  }

  private async record(tx: SqlExecutor, dyad: string, event: StoredEvent): Promise<void> {
    const metadata = event.metadata as { articleId?: string; occurredAt?: string };
    await tx.query(
      `insert into relationship_facts
         (event_id, dyad, event_type, article_id, data, metadata, occurred_at, recorded_at, transaction_id, global_position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::xid8, $10)
       on conflict (event_id) do nothing`,
      [
        event.eventId,
        dyad,
        event.type,
        metadata.articleId ?? null,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        metadata.occurredAt ?? event.validAt.toISOString().slice(0, 10),
        event.recordedAt,
        event.transactionId.toString(),
        event.globalPosition.toString(),
      ],
    );
    const data = event.data as { factId?: string; commitmentId?: string };
    if (event.type === 'FactRetracted' && data.factId) {
      await tx.query('update relationship_facts set retracted_at = $2 where event_id = $1 and retracted_at is null', [
        data.factId,
        event.recordedAt,
      ]);
    }
    if (event.type === 'CommitmentMade' && data.factId) {
      await tx.query('insert into commitment_dyads (commitment_id, dyad) values ($1, $2) on conflict do nothing', [
        data.factId,
        dyad,
      ]);
    }
  }
}

// The articles context publishes ArticleIngested; exports cite its url and title.
async function recordSource(tx: SqlExecutor, event: StoredEvent): Promise<void> {
  const data = event.data as { articleId: string; url: string | null; title: string; publishedAt: string };
  await tx.query(
    'insert into article_sources (article_id, url, title, published_at) values ($1, $2, $3, $4) on conflict do nothing',
    [data.articleId, data.url, data.title, data.publishedAt],
  );
}

async function refreshView(tx: SqlExecutor, dyad: string, now: Date): Promise<void> {
  const events = await loadRelationshipEvents(tx, dyad);
  const view = stateAt(events, { dyad, asOf: now, knownAt: now });
  await tx.query(
    `insert into relationships (dyad, view, fact_count, last_occurred_at, last_recorded_at)
     select $1, $2::jsonb, count(*) filter (where event_type <> 'FactRetracted' and retracted_at is null),
            max(occurred_at), max(recorded_at)
     from relationship_facts where dyad = $1
     on conflict (dyad) do update set view = excluded.view, fact_count = excluded.fact_count,
       last_occurred_at = excluded.last_occurred_at, last_recorded_at = excluded.last_recorded_at`,
    [dyad, JSON.stringify(view)],
  );
}
