import { type Database, ReadModel, type ReadModelProjection, type SqlExecutor, type StoredEvent } from '@dyad/platform';
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
    await recordFacts(tx, [{ dyad, event }]);
    await refreshView(tx, dyad, new Date());
  }

  // A rebuild writes each batch's rows in a few statements and leaves the views to
  // completeRebuild: refreshing every dyad a batch touches would fold each dyad's whole history
  // once per batch, and in an interleaved log nearly every batch touches nearly every dyad.
  async applyBatch(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
    const facts: DyadEvent[] = [];
    for (const event of events) {
      if (event.type === 'ArticleIngested') await recordSource(tx, event);
      const dyad = dyadOfStream(event.streamId);
      if (dyad) facts.push({ dyad, event });
    }
    await recordFacts(tx, facts);
  }

  async completeRebuild(database: Database): Promise<void> {
    const { rows } = await database.query<{ dyad: string }>('select distinct dyad from relationship_facts');
    const now = new Date();
    for (const { dyad } of rows) await database.transaction((tx) => refreshView(tx, dyad, now));
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('truncate relationship_facts, relationships, commitment_dyads, article_sources');
  }
}

interface DyadEvent {
  readonly dyad: string;
  readonly event: StoredEvent;
}

// One row per event, then the retractions and the commitments' dyads, each in one statement
// whatever the number of events. A retraction always comes after the fact it names in the log,
// so the fact's row exists once the rows are in, even when both are in the same batch.
async function recordFacts(tx: SqlExecutor, facts: readonly DyadEvent[]): Promise<void> {
  if (facts.length === 0) return;
  const metadataOf = (event: StoredEvent) => event.metadata as { articleId?: string; occurredAt?: string };
  await tx.query(
    `insert into relationship_facts
       (event_id, dyad, event_type, article_id, data, metadata, occurred_at, recorded_at, transaction_id, global_position)
     select event_id, dyad, event_type, article_id, data::jsonb, metadata::jsonb, occurred_at, recorded_at, transaction_id::xid8, global_position
     from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::date[], $8::timestamptz[], $9::text[], $10::bigint[])
       as r(event_id, dyad, event_type, article_id, data, metadata, occurred_at, recorded_at, transaction_id, global_position)
     on conflict (event_id) do nothing`,
    [
      facts.map(({ event }) => event.eventId),
      facts.map(({ dyad }) => dyad),
      facts.map(({ event }) => event.type),
      facts.map(({ event }) => metadataOf(event).articleId ?? null),
      facts.map(({ event }) => JSON.stringify(event.data)),
      facts.map(({ event }) => JSON.stringify(event.metadata)),
      facts.map(({ event }) => metadataOf(event).occurredAt ?? event.validAt.toISOString().slice(0, 10)),
      facts.map(({ event }) => event.recordedAt.toISOString()),
      facts.map(({ event }) => event.transactionId.toString()),
      facts.map(({ event }) => event.globalPosition.toString()),
    ],
  );
  const data = (event: StoredEvent) => event.data as { factId?: string };
  const retractions = facts.filter(({ event }) => event.type === 'FactRetracted' && data(event).factId);
  if (retractions.length > 0) {
    await tx.query(
      `update relationship_facts f set retracted_at = r.retracted_at
       from unnest($1::uuid[], $2::timestamptz[]) as r(fact_id, retracted_at)
       where f.event_id = r.fact_id and f.retracted_at is null`,
      [retractions.map(({ event }) => data(event).factId), retractions.map(({ event }) => event.recordedAt.toISOString())],
    );
  }
  const commitments = facts.filter(({ event }) => event.type === 'CommitmentMade' && data(event).factId);
  if (commitments.length > 0) {
    await tx.query(
      `insert into commitment_dyads (commitment_id, dyad)
       select * from unnest($1::uuid[], $2::text[]) on conflict do nothing`,
      [commitments.map(({ event }) => data(event).factId), commitments.map(({ dyad }) => dyad)],
    );
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
